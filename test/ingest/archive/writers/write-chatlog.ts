/**
 * Writes an organisation as chatlog exports: `chatlog.json` (the message array of `chatlog export` /
 * the HTTP API, times RFC 3339 with the local offset) or `chatlog.csv` (the API's
 * `Time,SenderName,Sender,TalkerName,Talker,Content` with chatlog's plain-text rendering of media).
 * The JSON keeps a recall's target (a raw 10002 revokemsg); the CSV, like chatlog, only says that
 * someone recalled a message. Media URLs point at chatlog's default local server.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ArchiveTimeParser } from '../../../../src/ingest/archive/archive-time.js';
import type { MessageRecord } from '../../../../src/model/interchange.js';
import {
  type ArchiveSource,
  contactNames,
  md5Of,
  messagesByGroup,
  NumericIds,
  shownText,
  type WriteResult,
} from './archive-source.js';
import { csvLine } from './csv-line.js';
import { toRawWechat } from './raw-wechat-message.js';

const HOST = 'http://127.0.0.1:5030';
const SYSTEM_SENDER = '系统消息';

function contentsOf(m: MessageRecord): Record<string, string> | undefined {
  switch (m.type) {
    case 'image':
    case 'emoticon':
      return { md5: md5Of(m) };
    case 'link':
      return { title: m.link?.title ?? '', url: m.link?.url ?? '' };
    case 'file':
      return { title: m.file?.name ?? '', md5: md5Of(m) };
    case 'miniprogram':
      // chatlog keeps the app's display name as the title; qingqun adds the card title as desc.
      return { title: m.miniprogram?.appName ?? '', desc: m.miniprogram?.title ?? '', url: '' };
    default:
      return undefined;
  }
}

export function writeChatlogJson(
  source: ArchiveSource,
  dir: string,
  timezone = 'Asia/Shanghai',
): WriteResult {
  const clock = new ArchiveTimeParser(timezone);
  const name = contactNames(source);
  const ids = new NumericIds();
  const groupNames = new Map(source.groups.map((g) => [g.id, g.name]));
  const out: Record<string, unknown>[] = [];
  for (const [talker, list] of messagesByGroup(source)) {
    const perSecond = new Map<number, number>();
    for (const { record: m, time } of list) {
      ids.of(m.id);
      const second = Math.floor(time / 1000);
      const n = perSecond.get(second) ?? 0;
      perSecond.set(second, n + 1);
      const raw = toRawWechat(m, ids, name(m.senderId));
      const system = m.type === 'system';
      const contents = contentsOf(m);
      out.push({
        seq: second * 1000 + n,
        time: clock.formatIso(time),
        talker,
        talkerName: groupNames.get(talker) ?? '',
        isChatRoom: true,
        sender: system ? SYSTEM_SENDER : m.senderId,
        senderName: system ? '' : name(m.senderId),
        isSelf: false,
        type: raw.type,
        subType: raw.subType,
        content: raw.type === 1 || raw.type >= 10000 ? raw.content : '',
        ...(contents ? { contents } : {}),
      });
    }
  }
  const file = join(dir, 'chatlog.json');
  writeFileSync(file, `${JSON.stringify(out, null, 2)}\n`);
  return { files: [file], messages: out.length, skipped: {} };
}

/** chatlog's plain-text rendering of a message (model.Message.PlainTextContent). */
function plainContent(m: MessageRecord, recaller: string): string {
  switch (m.type) {
    case 'text':
      return shownText(m);
    case 'image':
      return `![图片](${HOST}/image/${md5Of(m)})`;
    case 'emoticon':
      return '[动画表情]';
    case 'link':
      return `[链接|${m.link?.title ?? ''}](${m.link?.url ?? ''})`;
    case 'file':
      return `[文件|${m.file?.name ?? ''}](${HOST}/file/${md5Of(m)})`;
    case 'miniprogram':
      return m.miniprogram?.appName ? `[小程序|${m.miniprogram.appName}]()` : '[小程序]';
    case 'recalled':
      return `"${recaller}" 撤回了一条消息`;
    default:
      return m.text ?? '';
  }
}

export function writeChatlogCsv(source: ArchiveSource, dir: string, timezone = 'Asia/Shanghai'): WriteResult {
  const clock = new ArchiveTimeParser(timezone);
  const name = contactNames(source);
  const groupNames = new Map(source.groups.map((g) => [g.id, g.name]));
  let text = csvLine(['Time', 'SenderName', 'Sender', 'TalkerName', 'Talker', 'Content'], '\n');
  let messages = 0;
  for (const [talker, list] of messagesByGroup(source)) {
    for (const { record: m, time } of list) {
      const system = m.type === 'system' || m.type === 'recalled';
      const sender = system ? [undefined, SYSTEM_SENDER] : [name(m.senderId), m.senderId];
      text += csvLine(
        [clock.format(time), ...sender, groupNames.get(talker), talker, plainContent(m, name(m.senderId))],
        '\n',
      );
      messages++;
    }
  }
  const file = join(dir, 'chatlog.csv');
  writeFileSync(file, text);
  return { files: [file], messages, skipped: {} };
}
