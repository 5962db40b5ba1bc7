/**
 * One chatlog message object (sjzar/chatlog's JSON export, HTTP API and webhook: `seq, time, talker,
 * talkerName, isChatRoom, sender, senderName, isSelf, type, subType, content, contents`) → an archive
 * item. Types are the PC client's raw ones (wechat-raw-type.ts). chatlog keeps a mini program's app
 * name in `contents.title` (WeChat's sourcedisplayname) and its card title nowhere standard, so the
 * title is read from `contents.desc` or the content when present. Ids are `talker#seq` (seq is
 * unique within a conversation); system lines (sender 系统消息) have no sender.
 */
import { type ArchiveItem, buildMessage, type MessageFields, nonEmpty } from './archive-item.js';
import type { ArchiveTimeParser } from './archive-time.js';
import { isRecord, NOT_AN_OBJECT } from './read-context.js';
import type { SyntheticIds } from './synthetic-ids.js';
import { mapWechatType, recallOrSystem } from './wechat-raw-type.js';
import { revokedMessageId, xmlText } from './wechat-xml.js';

type Details = Pick<MessageFields, 'type' | 'text' | 'link' | 'file' | 'miniprogram'>;

const SYSTEM_SENDERS = new Set(['系统消息', '系统']);

export function chatlogMessageToItem(
  r: unknown,
  source: string,
  clock: ArchiveTimeParser,
  ids: SyntheticIds,
): ArchiveItem {
  if (!isRecord(r)) return NOT_AN_OBJECT;
  const talker = nonEmpty(r.talker);
  if (!talker) return { kind: 'problem', field: 'talker', problem: 'required' };
  const isRoom = typeof r.isChatRoom === 'boolean' ? r.isChatRoom : talker.endsWith('@chatroom');
  if (!isRoom) return { kind: 'skip', reason: 'private' };
  const time = clock.parse(r.time);
  if (!time.ok) return { kind: 'problem', field: 'time', problem: time.problem };
  if (typeof r.type !== 'number') return { kind: 'problem', field: 'type', problem: 'expected a number' };
  const subType = typeof r.subType === 'number' ? r.subType : 0;
  const mapped = mapWechatType(r.type, subType);
  const content = typeof r.content === 'string' ? r.content : '';
  const contents = isRecord(r.contents) ? r.contents : {};
  const rawSender = nonEmpty(r.sender);
  const senderId = rawSender && !SYSTEM_SENDERS.has(rawSender) ? rawSender : null;
  const seq = nonEmpty(r.seq);
  const id = seq
    ? `${talker}#${seq}`
    : ids.next(`${talker}#`, [time.time, rawSender, r.type, subType, content]);
  return {
    kind: 'message',
    message: buildMessage({
      source,
      id,
      groupId: talker,
      senderId,
      time: time.time,
      ...details(mapped.type, r.type, subType, content, contents),
    }),
    rawType: mapped.raw,
    unknown: mapped.unknown,
    groupName: nonEmpty(r.talkerName),
    senderName: nonEmpty(r.senderName),
  };
}

function details(
  type: Details['type'],
  raw: number,
  subType: number,
  content: string,
  contents: Record<string, unknown>,
): Details {
  const s = (key: string) => nonEmpty(contents[key]);
  const text = content === '' ? null : content;
  switch (type) {
    case 'image':
    case 'emoticon':
      return { type, file: { sha256: s('md5') } };
    case 'link':
      return { type, link: { title: s('title'), url: s('url'), description: s('desc') } };
    case 'file':
      return { type, file: { name: s('title'), sha256: s('md5') } };
    case 'miniprogram':
      return { type, miniprogram: { title: s('desc') ?? text, appName: s('title') } };
    case 'system': {
      if (raw === 49 && subType !== 62) return { type, text }; // 群公告 card
      const revoked = revokedMessageId(content);
      if (revoked !== null) return { type: 'recalled', text: revoked };
      const line = content.startsWith('<')
        ? (xmlText(content, 'replacemsg') ?? xmlText(content, 'content'))
        : text;
      return recallOrSystem(line) === 'recalled' ? { type: 'recalled', text: null } : { type, text: line };
    }
    default:
      return { type, text };
  }
}
