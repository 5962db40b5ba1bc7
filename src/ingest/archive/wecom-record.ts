/**
 * One decrypted WeCom 会话内容存档 record (GetChatData) → an archive item. Common fields: msgid, action
 * (send | recall | switch), from, tolist, roomid (empty for private chats), msgtime (ms), msgtype, and
 * an object named after msgtype. The archive has no mention list: @所有人 is read from the text.
 */
import type { MessageType } from '../../model/message.js';
import { type ArchiveItem, buildMessage, type MessageFields, nonEmpty } from './archive-item.js';
import type { ArchiveTimeParser } from './archive-time.js';
import { isRecord, NOT_AN_OBJECT } from './read-context.js';

type Detail = Record<string, unknown>;
type Mapped = Pick<MessageFields, 'type' | 'text' | 'link' | 'file' | 'miniprogram'>;

const size = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : null);
const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);

/** Types the archive defines that qingqun does not analyse. */
const OTHER = new Set([
  'voice',
  'video',
  'card',
  'location',
  'chatrecord',
  'todo',
  'vote',
  'redpacket',
  'external_redpacket',
  'meeting',
  'meeting_voice_call',
  'voip_doc_share',
  'sphfeed',
  'voiptext',
  'calendar',
  'meeting_notification',
]);

const MAPPERS: Record<string, (d: Detail) => Mapped> = {
  text: (d) => ({ type: 'text', text: str(d.content) }),
  markdown: (d) => ({ type: 'text', text: str(d.content) }),
  image: (d) => ({ type: 'image', file: { size: size(d.filesize), sha256: str(d.md5sum) } }),
  emotion: (d) => ({ type: 'emoticon', file: { size: size(d.imagesize), sha256: str(d.md5sum) } }),
  link: (d) => ({
    type: 'link',
    link: { title: str(d.title), url: str(d.link_url), description: str(d.description) },
  }),
  docmsg: (d) => ({ type: 'link', link: { title: str(d.title) ?? str(d.doc_title), url: str(d.link_url) } }),
  news: (d) => {
    const first = (isRecord(d.info) && Array.isArray(d.info.item) ? d.info.item[0] : null) as Detail | null;
    return { type: 'link', link: first ? { title: str(first.title), url: str(first.url) } : null };
  },
  file: (d) => ({
    type: 'file',
    file: { name: str(d.filename), size: size(d.filesize), sha256: str(d.md5sum) },
  }),
  qydiskfile: (d) => ({ type: 'file', file: { name: isRecord(d.info) ? str(d.info.filename) : null } }),
  weapp: (d) => ({ type: 'miniprogram', miniprogram: { title: str(d.title), appName: str(d.displayname) } }),
  // 填表: WeCom's own form for collecting answers from the group, a roll-call by other means.
  collect: (d) => ({ type: 'miniprogram', miniprogram: { title: str(d.title), appName: '企业微信填表' } }),
  revoke: (d) => ({ type: 'recalled', text: str(d.pre_msgid) }),
  agree: () => ({ type: 'system', text: '同意会话内容存档' }),
  disagree: () => ({ type: 'system', text: '不同意会话内容存档' }),
  mixed: mixedMessage,
};

/** 图文混排: items whose content is itself JSON; text if any part is text, else an image. */
function mixedMessage(d: Detail): Mapped {
  const items = Array.isArray(d.item) ? d.item : [];
  const texts: string[] = [];
  for (const item of items) {
    if (!isRecord(item) || item.type !== 'text' || typeof item.content !== 'string') continue;
    try {
      const inner = JSON.parse(item.content) as unknown;
      if (isRecord(inner) && typeof inner.content === 'string') texts.push(inner.content);
    } catch {
      texts.push(item.content);
    }
  }
  return texts.length > 0 ? { type: 'text', text: texts.join('\n') } : { type: 'image' };
}

export function wecomRecordToItem(r: unknown, source: string, clock: ArchiveTimeParser): ArchiveItem {
  if (!isRecord(r)) return NOT_AN_OBJECT;
  if ('encrypt_chat_msg' in r) {
    return {
      kind: 'problem',
      field: 'encrypt_chat_msg',
      problem: 'still encrypted: decrypt with the 企业微信 Finance SDK first',
    };
  }
  const id = nonEmpty(r.msgid);
  if (!id) return { kind: 'problem', field: 'msgid', problem: 'required' };
  if (r.action === 'switch') return { kind: 'skip', reason: 'switch' };
  const groupId = nonEmpty(r.roomid);
  if (!groupId) return { kind: 'skip', reason: 'private' };
  const time = clock.parse(r.msgtime ?? r.time);
  if (!time.ok) return { kind: 'problem', field: 'msgtime', problem: time.problem };
  const msgtype = nonEmpty(r.msgtype) ?? (r.action === 'recall' ? 'revoke' : null);
  if (!msgtype) return { kind: 'problem', field: 'msgtype', problem: 'required' };
  const detail = isRecord(r[msgtype]) ? (r[msgtype] as Detail) : {};
  const mapper = MAPPERS[msgtype];
  const known = mapper !== undefined || OTHER.has(msgtype);
  const mapped: Mapped = mapper ? mapper(detail) : { type: 'other' as MessageType };
  return {
    kind: 'message',
    message: buildMessage({ source, id, groupId, senderId: nonEmpty(r.from), time: time.time, ...mapped }),
    rawType: msgtype,
    unknown: !known,
  };
}
