/**
 * Writes an organisation as WeChatMsg/留痕 CSV exports: `聊天记录/<群名>/<群名>_utf8.csv` per group,
 * UTF-8 with a byte order mark and CRLF (Python's csv module with `utf-8-sig`), raw client rows
 * (raw-wechat-message.ts). TalkerId is a small number per chat, as in the client's database, so the
 * importer needs a roster to know the group's id (matched by the group's name).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ArchiveTimeParser } from '../../../../src/ingest/archive/archive-time.js';
import {
  type ArchiveSource,
  contactNames,
  messagesByGroup,
  NumericIds,
  safeName,
  type WriteResult,
} from './archive-source.js';
import { csvLine } from './csv-line.js';
import { toRawWechat } from './raw-wechat-message.js';

export const WECHATMSG_COLUMNS = [
  'localId',
  'TalkerId',
  'Type',
  'SubType',
  'IsSender',
  'CreateTime',
  'Status',
  'StrContent',
  'StrTime',
  'Remark',
  'NickName',
  'Sender',
];

export function writeWechatmsgCsv(
  source: ArchiveSource,
  dir: string,
  timezone = 'Asia/Shanghai',
): WriteResult {
  const clock = new ArchiveTimeParser(timezone);
  const name = contactNames(source);
  const ids = new NumericIds();
  const groupNames = new Map(source.groups.map((g) => [g.id, g.name]));
  const result: WriteResult = { files: [], messages: 0, skipped: {} };
  let talkerId = 0;
  for (const [groupId, list] of messagesByGroup(source)) {
    talkerId++;
    const chat = safeName(groupNames.get(groupId) ?? groupId);
    const folder = join(dir, '聊天记录', chat);
    mkdirSync(folder, { recursive: true });
    let text = `\uFEFF${csvLine(WECHATMSG_COLUMNS)}`;
    list.forEach(({ record: m, time }, i) => {
      ids.of(m.id);
      const raw = toRawWechat(m, ids, name(m.senderId));
      const system = raw.type >= 10000;
      const sender = system ? ['', '', ''] : ['', name(m.senderId), m.senderId];
      const seconds = Math.floor(time / 1000);
      text += csvLine([
        i + 1,
        talkerId,
        raw.type,
        raw.subType,
        0,
        seconds,
        2,
        raw.content,
        clock.format(time),
        ...sender,
      ]);
      result.messages++;
    });
    const file = join(folder, `${chat}_utf8.csv`);
    writeFileSync(file, text);
    result.files.push(file);
  }
  return result;
}
