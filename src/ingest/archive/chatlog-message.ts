/**
 * One chatlog message object (sjzar/chatlog's JSON export, HTTP API and webhook: `seq, time, talker,
 * talkerName, isChatRoom, sender, senderName, isSelf, type, subType, content, contents`, newer
 * versions also `at_user_list`) → an archive item. Types are the PC client's raw ones
 * (wechat-raw-type.ts). What chatlog puts where (internal/model/message.go, mediamessage.go,
 * message_v3.go, message_v4.go):
 * - `content` is the raw StrContent for WeChat 3.x rows — for app messages (49) the whole appmsg XML
 *   — and empty for most non-text rows of WeChat 4.x; the webhook sends chatlog's plain-text
 *   rendering instead (`![图片](http://host/image/MD5,PATH,THUMB)`, `[链接|T](U)`, `[分享]`, quote
 *   lines `> …`). So `content` is read as text only where it is what a person wrote (type 1, the
 *   reply of a 49/57, system lines); details come from `contents` (title, url, desc, md5, refer),
 *   then from the XML when the row carries it, then from the rendering. The same `talker`+`seq` thus
 *   maps to the same message from every route, and a second copy is a duplicate (`sameIdIsSame`).
 * - a mini program's app name is in `contents.title` (WeChat's sourcedisplayname); its card title
 *   nowhere standard, so it is read from `contents.desc` or the XML when present.
 * - 49/53 (native 接龙) is a roll-call post, its list parsed from the XML title when the row has it;
 *   49/87 (群公告) keeps its text (`contents.title`) as a notice; 49/57 keeps the reply as text and
 *   the quoted message (`contents.refer`: sender, senderName, content) as `quote`.
 * - ids are `talker#seq` (seq is unique within a conversation); system lines (sender 系统消息) have
 *   no sender; rows the exporting account sent (`isSelf`) may have an empty sender (WeChat 3.x):
 *   they are attributed to `selfId` when given.
 */
import { type ArchiveItem, buildMessage, type MessageFields, nonEmpty } from './archive-item.js';
import type { ArchiveTimeParser } from './archive-time.js';
import { isRecord, NOT_AN_OBJECT } from './read-context.js';
import type { SyntheticIds } from './synthetic-ids.js';
import {
  announcementText,
  isWechatXml,
  normaliseWechatGroupId,
  recordInfoText,
  recordItemsText,
  referMsgQuote,
  rollCallText,
} from './wechat-app-message.js';
import { mapWechatType, recallOrSystem } from './wechat-raw-type.js';
import { revokedMessageId, xmlAttr, xmlText } from './wechat-xml.js';

type Details = Pick<MessageFields, 'type' | 'text' | 'link' | 'file' | 'miniprogram' | 'quote'>;

const SYSTEM_SENDERS = new Set(['系统消息', '系统', '系统通知']);
const HASH = /^[0-9a-fA-F]{32}$/;
const RENDERED_RAW = /^Type: \d{1,12} Content: /;

export interface ChatlogReadOptions {
  /** The exporting account's id, for its own rows that carry no sender. */
  selfId?: string | null;
}

export function chatlogMessageToItem(
  r: unknown,
  source: string,
  clock: ArchiveTimeParser,
  ids: SyntheticIds,
  options: ChatlogReadOptions = {},
): ArchiveItem {
  if (!isRecord(r)) return NOT_AN_OBJECT;
  const rawTalker = nonEmpty(r.talker);
  if (!rawTalker) return { kind: 'problem', field: 'talker', problem: 'required' };
  const isRoom = typeof r.isChatRoom === 'boolean' ? r.isChatRoom : rawTalker.endsWith('@chatroom');
  if (!isRoom) return { kind: 'skip', reason: 'private' };
  const talker = normaliseWechatGroupId(rawTalker);
  const time = clock.parse(r.time);
  if (!time.ok) return { kind: 'problem', field: 'time', problem: time.problem };
  if (typeof r.type !== 'number') return { kind: 'problem', field: 'type', problem: 'expected a number' };
  const rawContent = typeof r.content === 'string' ? r.content : '';
  // The webhook renders raw types it does not know as `Type: N Content: <first 120 characters><...>`.
  const rendered = r.type === 1 ? null : RENDERED_RAW.exec(rawContent);
  const content = rendered ? rawContent.slice(rendered[0].length) : rawContent;
  const truncated = rendered !== null && content.endsWith('<...>');
  const xml = content.includes('<') && isWechatXml(content) ? content : '';
  // chatlog fills subType from the XML; a row that kept only the XML still names its app type there.
  const xmlType = r.type === 49 && xml ? Number(xmlText(xml, 'type', 'appmsg') ?? Number.NaN) : Number.NaN;
  const subType =
    typeof r.subType === 'number' && r.subType !== 0 ? r.subType : Number.isFinite(xmlType) ? xmlType : 0;
  const mapped = mapWechatType(r.type, subType);
  const contents = isRecord(r.contents) ? r.contents : {};
  const rawSender = nonEmpty(r.sender);
  const system = rawSender !== null && SYSTEM_SENDERS.has(rawSender);
  const senderId = system ? null : (rawSender ?? (r.isSelf === true ? (options.selfId ?? null) : null));
  const seq = nonEmpty(r.seq);
  const id = seq
    ? `${talker}#${seq}`
    : ids.next(`${talker}#`, [time.time, rawSender, r.type, subType, content]);
  const mentions = Array.isArray(r.at_user_list)
    ? r.at_user_list.filter((m): m is string => typeof m === 'string')
    : [];
  return {
    kind: 'message',
    message: buildMessage({
      source,
      id,
      groupId: talker,
      senderId,
      time: time.time,
      mentionIds: mentions,
      ...(truncated && content.includes('revokemsg')
        ? { type: 'recalled' as const, text: null } // the recalled id may be cut off: never guess it
        : details(mapped.type, r.type, subType, truncated ? '' : content, truncated ? '' : xml, contents)),
    }),
    rawType: mapped.raw,
    unknown: mapped.unknown,
    groupName: nonEmpty(r.talkerName),
    senderName: nonEmpty(r.senderName),
    sameIdIsSame: seq !== null,
  };
}

/** The MD5 in chatlog's media rendering: the first comma-separated key after `/image/` (or `/file/`). */
export function renderedMd5(content: string): string | null {
  for (const marker of ['/image/', '/file/', '/video/']) {
    const at = content.indexOf(marker);
    if (at === -1) continue;
    const end = content.indexOf(')', at);
    const keys = content.slice(at + marker.length, end === -1 ? content.length : end).split(',');
    return keys.find((k) => HASH.test(k)) ?? null;
  }
  return null;
}

/** The reply of a 49/57 whose content is chatlog's rendering (quoted lines `> …`, then the reply). */
function replyOf(content: string): string {
  if (!content.startsWith('> ')) return content;
  const lines = content.split('\n');
  let i = 0;
  while (i < lines.length && (lines[i] as string).startsWith('> ')) i++;
  return lines.slice(i).join('\n');
}

function quoteOf(refer: unknown, xml: string): Details['quote'] {
  if (isRecord(refer)) {
    const c = isRecord(refer.contents) ? refer.contents : {};
    const text = nonEmpty(refer.content);
    return {
      messageId: nonEmpty(refer.svrid) ?? nonEmpty(refer.id),
      senderId: nonEmpty(refer.sender),
      senderName: nonEmpty(refer.senderName),
      excerpt: refer.type === 1 ? text : (nonEmpty(c.title) ?? (text && !isWechatXml(text) ? text : null)),
    };
  }
  return xml ? referMsgQuote(xml) : null;
}

function details(
  type: Details['type'],
  raw: number,
  subType: number,
  content: string,
  xml: string,
  contents: Record<string, unknown>,
): Details {
  const s = (key: string) => nonEmpty(contents[key]);
  const app = (tag: string) => (xml ? xmlText(xml, tag, 'appmsg') : null);
  // Text only where a person wrote it: never XML, never a rendering placeholder.
  const text = content === '' ? null : raw === 1 || xml === '' ? content : null;
  switch (type) {
    case 'image':
    case 'emoticon':
      return {
        type,
        file: {
          sha256: s('md5') ?? xmlAttr(xml, type === 'image' ? 'img' : 'emoji', 'md5') ?? renderedMd5(content),
        },
      };
    case 'link':
      return {
        type,
        link: {
          title: s('title') ?? app('title'),
          url: s('url') ?? app('url'),
          description: s('desc') ?? app('des'),
        },
      };
    case 'file':
      return {
        type,
        file: { name: s('title') ?? app('title'), sha256: s('md5') ?? app('md5') ?? renderedMd5(content) },
      };
    case 'miniprogram':
      return {
        type,
        miniprogram: {
          title: s('desc') ?? app('title') ?? (text && !text.startsWith('[小程序') ? text : null),
          appName: s('title') ?? app('sourcedisplayname'),
        },
      };
    case 'text':
      if (raw !== 49) return { type, text };
      if (subType === 53) return { type, text: rollCallText(app('title')) };
      if (subType === 87)
        return { type, text: s('textannouncement') ?? s('title') ?? (xml ? announcementText(xml) : null) };
      if (subType === 57) {
        // The API gives the reply; the webhook its rendering with the quoted lines in front.
        const reply = xml ? app('title') : text === null ? null : replyOf(text);
        return { type, text: reply === '[引用]' ? null : reply, quote: quoteOf(contents.refer, xml) };
      }
      return { type, text: s('title') ?? app('title') ?? text };
    case 'system': {
      if (raw === 49) return { type, text }; // 拍一拍: chatlog puts the line in content
      const revoked = revokedMessageId(content);
      if (revoked !== null) return { type: 'recalled', text: revoked };
      const line = content.startsWith('<')
        ? (xmlText(content, 'replacemsg') ?? xmlText(content, 'content'))
        : content === ''
          ? null
          : content;
      return recallOrSystem(line) === 'recalled' ? { type: 'recalled', text: null } : { type, text: line };
    }
    default: {
      // A merged forward keeps the forwarded text: it is most often a notice passed on.
      const forwarded =
        raw === 49 && subType === 19 ? (recordInfoText(contents.recordInfo) ?? recordItemsText(xml)) : null;
      if (forwarded !== null) return { type: 'text', text: forwarded };
      // Voice, video, red envelopes…: their content is XML or a rendering, not something people wrote.
      return { type, text: null };
    }
  }
}
