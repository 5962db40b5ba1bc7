/**
 * What several WeChat exporters share about app messages (type 49) and chats, read the same way by
 * every importer (and the Wechaty recorder for GroupNote) so one message or group looks the same
 * whichever tool exported it:
 * - native 接龙 (appmsg type 53): its `<title>` holds the whole roll-call (header, description and the
 *   numbered list). Exporters keep all of it (WeChat 3.x appmsg XML), nothing (chatlog's 4.x output,
 *   WeChatMsg's empty StrContent), or a placeholder (`[分享]` in chatlog's webhook, `接龙` in
 *   PyWxDump). Each becomes text the roll-call parser reads as a post
 *   (src/text/roll-calls.ts): the title when it is there, else the bare header `#接龙`.
 * - 群公告 (appmsg type 87): the announcement's text (`<textannouncement>`, else the title) is kept
 *   as a text message, a notice like any other.
 * - quote replies (appmsg type 57): the reply is `<title>`, the quoted message `<refermsg>` (svrid,
 *   fromusr/chatusr, displayname, content).
 * - merged forwards (合并转发, appmsg type 19): what people forward into work groups is mostly notices,
 *   so the forwarded items' text (`<recorditem>`'s `<datadesc>`s) is kept as a text message.
 * - group ids: WeChat's are `DIGITS@chatroom`; some tools drop the suffix (ChatLab's `groupId`,
 *   hand-written rosters). A bare run of digits gets it back, so one group is one group.
 */

import type { QuoteInfo } from '../../model/message.js';
import { isRollCallPost } from '../../text/roll-calls.js';
import { xmlText } from './wechat-xml.js';

/** The header the roll-call parser recognises. */
export const ROLL_CALL_HEADER = '#接龙';
// English clients write "#Group Note" for the same post.
const ENGLISH_HEADER = /^\s*[#＃]\s?Group Note/i;

/**
 * A native 接龙's text from what the export kept of its title (null or a placeholder: nothing).
 * Contract: the result always passes isRollCallPost.
 */
export function rollCallText(title: string | null | undefined): string {
  const t = title?.trim() ?? '';
  if (t === '') return ROLL_CALL_HEADER;
  if (isRollCallPost(t)) return t;
  if (ENGLISH_HEADER.test(t)) return t.replace(ENGLISH_HEADER, ROLL_CALL_HEADER);
  return `${ROLL_CALL_HEADER}\n${t}`;
}

/** Whether a content string is WeChat's XML rather than something a person wrote. */
export function isWechatXml(content: string): boolean {
  const head = content.trimStart().slice(0, 16);
  return head.startsWith('<msg') || head.startsWith('<?xml') || head.startsWith('<appmsg');
}

/** A 群公告 card's text: `<textannouncement>` (the full text), else the card's title. */
export function announcementText(xml: string): string | null {
  return xmlText(xml, 'textannouncement') ?? xmlText(xml, 'title', 'appmsg');
}

/** The quoted message of a 49/57 appmsg, read from its `<refermsg>`; null when there is none. */
export function referMsgQuote(xml: string): Partial<QuoteInfo> | null {
  if (!xml.includes('<refermsg')) return null;
  const field = (tag: string) => xmlText(xml, tag, 'refermsg');
  const content = field('content');
  // A quoted app message's content is its own (escaped) appmsg XML: its title is the readable part.
  const excerpt = content !== null && isWechatXml(content) ? xmlText(content, 'title', 'appmsg') : content;
  return {
    messageId: field('svrid'),
    senderId: field('chatusr') ?? field('fromusr'),
    senderName: field('displayname'),
    excerpt,
  };
}

const MAX_RECORD_ITEMS = 50;

/** The forwarded texts of a 49/19 appmsg (`<recorditem>` holds `<recordinfo>` XML), one per line. */
export function recordItemsText(xml: string): string | null {
  const record = xmlText(xml, 'recorditem', 'appmsg');
  if (record === null) return null;
  const texts: string[] = [];
  // Each <datadesc> in turn: xmlText reads the first one after `from` (indexOf-based, linear).
  let from = 0;
  while (texts.length < MAX_RECORD_ITEMS) {
    const at = record.indexOf('<datadesc', from);
    if (at === -1) break;
    const text = xmlText(record.slice(at), 'datadesc');
    if (text) texts.push(text);
    from = at + 9;
  }
  return texts.length > 0 ? texts.join('\n') : null;
}

/** The same from chatlog's parsed `contents.recordInfo` (Go field names: `DataList.DataItems[].DataDesc`). */
export function recordInfoText(recordInfo: unknown): string | null {
  if (typeof recordInfo !== 'object' || recordInfo === null) return null;
  const list = (recordInfo as { DataList?: { DataItems?: unknown } }).DataList?.DataItems;
  if (!Array.isArray(list)) return null;
  const texts = list
    .slice(0, MAX_RECORD_ITEMS)
    .map((i) => (typeof i === 'object' && i !== null ? (i as { DataDesc?: unknown }).DataDesc : null))
    .filter((t): t is string => typeof t === 'string' && t.trim() !== '');
  return texts.length > 0 ? texts.join('\n') : null;
}

const BARE_ROOM = /^\d{5,20}$/;

/** `12345678@chatroom` for a bare `12345678`; any other id unchanged (WeCom `wr…`, synthetic ids). */
export function normaliseWechatGroupId(id: string): string {
  return BARE_ROOM.test(id) ? `${id}@chatroom` : id;
}
