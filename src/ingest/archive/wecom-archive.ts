/**
 * WeCom 会话内容存档 files: decrypted GetChatData records (a JSON array, or one record per line; see
 * wecom-record.ts) and group details from the archive's groupchat/get (`roomname, creator,
 * room_create_time, members[{memberid, jointime}]`). groupchat/get does not echo the room id, so a
 * details file must carry it: `{"roomid": "wr…", …}` per object, or an object keyed by room id.
 */
import { type ArchiveGroup, nonEmpty } from './archive-item.js';
import { atPath, isRecord, type ReadContext } from './read-context.js';
import { readJsonDocument } from './read-json-document.js';
import { readJsonLines } from './read-json-lines.js';
import { wecomRecordToItem } from './wecom-record.js';

export type Layout = 'document' | 'lines';

export async function readWecomMessages(ctx: ReadContext, layout: Layout): Promise<number> {
  const toItem = (value: unknown) => wecomRecordToItem(value, ctx.source, ctx.time);
  if (layout === 'lines') {
    return readJsonLines(ctx.file, (l) => {
      if ('problem' in l) ctx.sink.problem(l.line, 'line', l.problem);
      else ctx.sink.add(l.line, toItem(l.value));
    });
  }
  const doc = await readJsonDocument(ctx.file);
  if (!doc.ok) {
    ctx.sink.problem(0, 'file', doc.problem);
    return 0;
  }
  const records = isRecord(doc.value) && Array.isArray(doc.value.chatdata) ? doc.value.chatdata : doc.value;
  const list = Array.isArray(records) ? records : [records];
  list.forEach((record, i) => {
    ctx.sink.add(0, atPath(toItem(record), `[${i}]`));
  });
  return doc.lines;
}

export async function readWecomGroups(ctx: ReadContext, layout: Layout): Promise<number> {
  const write = (line: number, value: unknown, roomid: string | null, path: string) => {
    const group = wecomGroup(value, roomid);
    if ('problem' in group)
      ctx.sink.problem(line, path ? `${path}.${group.field}` : group.field, group.problem, 'groups');
    else ctx.sink.group(line, group);
  };
  if (layout === 'lines') {
    return readJsonLines(ctx.file, (l) => {
      if ('problem' in l) ctx.sink.problem(l.line, 'line', l.problem);
      else write(l.line, l.value, null, '');
    });
  }
  const doc = await readJsonDocument(ctx.file);
  if (!doc.ok) {
    ctx.sink.problem(0, 'file', doc.problem);
    return 0;
  }
  const value = doc.value;
  if (Array.isArray(value)) {
    for (const [i, g] of value.entries()) write(0, g, null, `[${i}]`);
  } else if (isRecord(value) && !('roomname' in value)) {
    for (const [roomid, g] of Object.entries(value)) write(0, g, roomid, roomid);
  } else write(0, value, null, '');
  return doc.lines;
}

/** A groupchat/get response → a group; the creator is taken as the owner (the API names no other). */
export function wecomGroup(
  value: unknown,
  roomidKey: string | null,
): ArchiveGroup | { field: string; problem: string } {
  if (!isRecord(value)) return { field: 'line', problem: 'expected a JSON object' };
  if (typeof value.errcode === 'number' && value.errcode !== 0) {
    return { field: 'errcode', problem: `the API answered an error (${value.errcode}): no group details` };
  }
  const id = nonEmpty(value.roomid) ?? roomidKey;
  if (!id)
    return {
      field: 'roomid',
      problem: 'required (groupchat/get does not return it: add the room id you asked for)',
    };
  const members = Array.isArray(value.members) ? value.members : [];
  const memberIds = members
    .map((m) => (isRecord(m) ? nonEmpty(m.memberid) : null))
    .filter((m): m is string => m !== null);
  const created = typeof value.room_create_time === 'number' ? value.room_create_time : null;
  return {
    id,
    name: typeof value.roomname === 'string' ? value.roomname : null,
    ownerId: nonEmpty(value.creator),
    unit: null,
    createdAt: created === null ? null : created < 1e11 ? created * 1000 : created,
    memberIds: Array.isArray(value.members) ? memberIds : null,
  };
}
