/**
 * One decrypted WeCom 会话内容存档 record (GetChatData) → an archive item. Common fields: msgid, action
 * (send | recall | switch), from, tolist, roomid (empty for private chats), msgtime (ms), msgtype, and
 * the body object — named after msgtype except where the official doc (developer.work.weixin.qq.com
 * document path 91774; examples transcribed in binarywang/WxJava WxCpMsgAuditTest.java) names it
 * otherwise: markdown and news carry `info` (`info.content`, `info.item[]`), docmsg `doc`,
 * external_redpacket `redpacket`. Merged forwards (`chatrecord`, items whose `content` is JSON) keep
 * their text: what people forward into work groups is mostly notices. The archive has no mention
 * list: @所有人 is read from the text.
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
  chatrecord: chatRecord,
  image: (d) => ({ type: 'image', file: { size: size(d.filesize), sha256: str(d.md5sum) } }),
  emotion: (d) => ({ type: 'emoticon', file: { size: size(d.imagesize), sha256: str(d.md5sum) } }),
  link: (d) => ({
    type: 'link',
    link: { title: str(d.title), url: str(d.link_url), description: str(d.description) },
  }),
  docmsg: (d) => ({ type: 'link', link: { title: str(d.title) ?? str(d.doc_title), url: str(d.link_url) } }),
  // 图文: the first article is the link (a link holds one); the others are listed in its description.
  news: (d) => {
    const items = (Array.isArray(d.item) ? d.item : []).filter(isRecord);
    const first = items[0];
    if (!first) return { type: 'link' };
    const more = items
      .slice(1)
      .map((i) => str(i.title))
      .filter((t): t is string => t !== null);
    const description = [str(first.description), ...more].filter((t): t is string => t !== null).join('\n');
    return { type: 'link', link: { title: str(first.title), url: str(first.url), description } };
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

/** Body objects not named after their msgtype (doc 91774). */
const BODY_KEY: Record<string, string> = {
  markdown: 'info',
  news: 'info',
  docmsg: 'doc',
  external_redpacket: 'redpacket',
  voiptext: 'info', // binarywang/WxJava issue 3598: the call's details are under `info`
};

/** The JSON inside an item's `content` string (chatrecord and mixed items), or the string itself. */
function innerJson(content: unknown): Detail | string | null {
  if (typeof content !== 'string') return isRecord(content) ? content : null;
  try {
    const inner = JSON.parse(content) as unknown;
    return isRecord(inner) ? inner : content;
  } catch {
    return content;
  }
}

/**
 * 会话记录 (a merged forward): the text of its items — ChatRecordText `{content}`, link and file
 * items' titles — one per line, as the notice it usually forwards; without any text it is 'other'.
 */
function chatRecord(d: Detail): Mapped {
  const lines: string[] = [];
  for (const item of Array.isArray(d.item) ? d.item : []) {
    if (!isRecord(item)) continue;
    const inner = innerJson(item.content);
    const text =
      typeof inner === 'string'
        ? inner
        : inner
          ? (str(inner.content) ?? str(inner.title) ?? str(inner.filename))
          : null;
    if (text) lines.push(text);
  }
  return lines.length > 0 ? { type: 'text', text: lines.join('\n') } : { type: 'other' };
}

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
  const body = r[msgtype] ?? r[BODY_KEY[msgtype] ?? msgtype];
  const detail = isRecord(body) ? (body as Detail) : {};
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
