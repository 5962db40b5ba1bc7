/**
 * WeChatMsg / 留痕 CSV (`localId,TalkerId,Type,SubType,IsSender,CreateTime,Status,StrContent,StrTime,
 * Remark,NickName,Sender`, UTF-8 with BOM, one file per chat: `聊天记录/<群名>/<群名>_utf8.csv`).
 * Types are the PC client's raw ones (wechat-content.ts). CreateTime is unix seconds; StrTime the same
 * instant as local text, used when CreateTime is missing.
 *
 * The file does not name the group: TalkerId is the client database's row number for the chat. The
 * group id is therefore the roster's id for the group named by the file (`--roster`, matched by group
 * name), TalkerId itself if it is a room id, or else `wechatmsg:<TalkerId>` under the file's name.
 * Message ids are `TalkerId:localId:CreateTime` (localId alone repeats across the client's MSG files).
 */
import { basename, dirname } from 'node:path';
import { type ArchiveItem, buildMessage, nonEmpty } from './archive-item.js';
import type { ReadContext } from './read-context.js';
import { readCsvFile } from './read-csv-file.js';
import { wechatContent } from './wechat-content.js';

/** `聊天记录/新浜镇党建群/新浜镇党建群_utf8.csv` → 新浜镇党建群. */
export function wechatmsgChatName(file: string): string {
  const name = basename(file).replace(/(?:_utf8)?\.csv$/i, '');
  return name !== '' ? name : basename(dirname(file));
}

export function wechatmsgRowToItem(
  row: Record<string, string>,
  ctx: ReadContext,
  chat: { name: string; rosterId: string | null },
): ArchiveItem {
  const talkerId = nonEmpty(row.TalkerId);
  if (!talkerId) return { kind: 'problem', field: 'TalkerId', problem: 'required' };
  const localId = nonEmpty(row.localId);
  if (!localId) return { kind: 'problem', field: 'localId', problem: 'required' };
  const type = Number(row.Type);
  if (!Number.isInteger(type) || row.Type === '')
    return { kind: 'problem', field: 'Type', problem: 'expected a number' };
  const subType = Number(row.SubType) || 0;
  const time = ctx.time.parse(nonEmpty(row.CreateTime) ?? row.StrTime);
  if (!time.ok) return { kind: 'problem', field: 'CreateTime', problem: time.problem };
  const groupId = chat.rosterId ?? (talkerId.endsWith('@chatroom') ? talkerId : `wechatmsg:${talkerId}`);
  const { mapped, ...details } = wechatContent(type, subType, row.StrContent ?? '');
  const system = details.type === 'system' || details.type === 'recalled';
  const sender = nonEmpty(row.Sender) ?? (row.IsSender === '1' ? ctx.selfId : null);
  return {
    kind: 'message',
    message: buildMessage({
      source: ctx.source,
      id: `${talkerId}:${localId}:${nonEmpty(row.CreateTime) ?? time.time}`,
      groupId,
      senderId: system && type !== 49 ? null : sender,
      time: time.time,
      ...details,
    }),
    rawType: mapped.raw,
    unknown: mapped.unknown,
    groupName: chat.name,
    senderName: nonEmpty(row.Remark) ?? nonEmpty(row.NickName),
  };
}

export async function readWechatmsgCsv(ctx: ReadContext): Promise<number> {
  const name = wechatmsgChatName(ctx.file);
  const chat = { name, rosterId: ctx.groupIdsByName.get(name) ?? null };
  const info = await readCsvFile(ctx.file, (r) => {
    if ('problem' in r) ctx.sink.problem(r.line, 'line', r.problem, 'messages');
    else ctx.sink.add(r.line, wechatmsgRowToItem(r.row, ctx, chat));
  });
  return info.lines;
}
