import type { QuoteInfo } from '../model/message.js';

/**
 * Separates a quote reply (引用回复) that arrives as one text into the reply and what it quotes.
 * Clients and exporters wrap the quote in the reply's text in three shapes (docs/interchange-format.md):
 * - WeChat, as Wechaty puppets and copy-paste give it:
 *   `「name：quoted」\n- - - - - - - - - - - - - - -\nreply` (the colon full-width or ASCII; the dashed
 *   line's length and spacing vary between clients);
 * - WeCom 会话内容存档 `text.content`: `这是一条引用/回复消息：\n“name：\nquoted”\n------\nreply`, and from
 *   English clients `This is a quote/reply:\n"name:\nquoted"\n------\nreply`;
 * - chatlog's webhook rendering: `> name(wxid) MM-DD hh:mm:ss\n> quoted\n…\nreply`.
 * The reply alone is what a person said in this message: it is what is classified and counted.
 * Contract: linear in the text (indexOf scans and anchored patterns with bounded quantifiers);
 * returns null when the text is not one of these shapes or nothing is left of the reply.
 */
export interface SplitQuote {
  reply: string;
  quote: QuoteInfo;
}

/** A dashed separator line: "------", "- - - - - - - - - - - - - - -", "———" (at least three dashes). */
const DASHES = /\n[ \t]*(?:[-－—–][ \t]*){3,60}(?:\n|$)/g;
/** At most this many dashed lines are tried (a quoted notice may hold dashed lines of its own). */
const MAX_SEPARATORS = 20;
/** A quoted sender's name is short and on one line. */
const MAX_NAME = 40;
/** The excerpt kept of the quoted text (the storage policy decides whether even that is kept). */
export const MAX_EXCERPT = 200;
const WECOM_HEAD = /^(?:这是一条引用\/回复消息[：:]|This is a quote\/reply:)[ \t]*\n?/;
/**
 * chatlog: "> 张三(wxid_abc) 11-24 09:00:00". The id or the time may be missing, not both: a plain
 * text starting with "> " is not a quote.
 */
const CHATLOG_HEAD =
  /^> ([^\n(]{1,40}?)(?:\(([^\s()]{1,80})\)(?: \d{1,2}-\d{1,2} \d{1,2}:\d{2}(?::\d{2})?)?| \d{1,2}-\d{1,2} \d{1,2}:\d{2}(?::\d{2})?)[ \t]*$/;

export function splitQuote(text: string | null): SplitQuote | null {
  if (text === null || text.length < 3) return null;
  const head = (text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text).trimStart();
  const first = head[0];
  if (first === '「') return splitWechat(head);
  if (first === '这' || first === 'T') return splitWecom(head);
  if (first === '>') return splitChatlog(head);
  return null;
}

function quote(senderName: string | null, quoted: string, senderId: string | null = null): QuoteInfo {
  const excerpt = quoted.trim();
  return {
    messageId: null,
    senderId,
    senderName: senderName === null || senderName.trim() === '' ? null : senderName.trim(),
    excerpt: excerpt === '' ? null : [...excerpt].slice(0, MAX_EXCERPT).join(''),
  };
}

function done(reply: string, q: QuoteInfo): SplitQuote | null {
  const r = reply.trim();
  return r === '' ? null : { reply: r, quote: q };
}

/**
 * The first dashed line right after one of `closers` (the quote's closing mark), with the text before
 * it: a dashed line inside the quoted text is part of the quote.
 */
function separatorAfter(text: string, closers: string): { body: string; reply: string } | null {
  let tried = 0;
  for (const sep of text.matchAll(DASHES)) {
    if (++tried > MAX_SEPARATORS) break;
    const body = text.slice(0, sep.index).trimEnd();
    if (closers.includes(body[body.length - 1] ?? '\0')) {
      return { body, reply: text.slice(sep.index + sep[0].length) };
    }
  }
  return null;
}

/** `「name：quoted」` then the dashed line then the reply. */
function splitWechat(text: string): SplitQuote | null {
  const found = separatorAfter(text, '」');
  if (found === null) return null;
  const inner = found.body.slice(1, -1);
  const colon = nameColon(inner);
  const name = colon < 0 ? null : inner.slice(0, colon);
  const quoted = colon < 0 ? inner : inner.slice(colon + 1);
  return done(found.reply, quote(name, quoted));
}

/** `这是一条引用/回复消息：` + `“name：\nquoted”` + a dashed line (sometimes only a line break) + the reply. */
function splitWecom(text: string): SplitQuote | null {
  const h = WECOM_HEAD.exec(text);
  if (h === null) return null;
  const rest = text.slice(h[0].length).trimStart();
  const open = rest[0];
  const quoted = open === '“' || open === '"';
  // The quote ends at its closing mark right before the dashed line (the quoted text may hold marks).
  const found = separatorAfter(rest, quoted ? '”"' : '');
  if (found !== null) return done(found.reply, nameAndText(found.body.slice(1, -1)));
  if (quoted) {
    // No dashed line: the reply follows the closing mark on the next line.
    const close = rest.indexOf(open === '“' ? '”' : '"', 1);
    if (close > 0) return done(rest.slice(close + 1), nameAndText(rest.slice(1, close)));
    return null;
  }
  // No quotation marks: everything up to the dashed line is the quote.
  let tried = 0;
  for (const sep of rest.matchAll(DASHES)) {
    if (++tried > 1) break;
    return done(rest.slice(sep.index + sep[0].length), quote(null, rest.slice(0, sep.index)));
  }
  return null;
}

function nameAndText(inner: string): QuoteInfo {
  const colon = nameColon(inner);
  return quote(colon < 0 ? null : inner.slice(0, colon), colon < 0 ? inner : inner.slice(colon + 1));
}

/** chatlog: a `> name(wxid) time` line, the quoted lines starting with `> `, then the reply. */
function splitChatlog(text: string): SplitQuote | null {
  const lines = text.split('\n');
  const h = CHATLOG_HEAD.exec((lines[0] as string).trimEnd());
  if (h === null) return null;
  let i = 1;
  const quoted: string[] = [];
  while (i < lines.length && (lines[i] as string).startsWith('>')) {
    quoted.push((lines[i] as string).replace(/^> ?/, ''));
    i++;
  }
  return done(lines.slice(i).join('\n'), quote(h[1] ?? null, quoted.join('\n'), h[2] ?? null));
}

/** Position of the colon ending a sender's name at the start of `inner`, or −1. */
function nameColon(inner: string): number {
  const limit = Math.min(inner.length, MAX_NAME + 1);
  for (let i = 0; i < limit; i++) {
    const c = inner[i];
    if (c === '：' || c === ':') return i > 0 ? i : -1;
    if (c === '\n') return -1;
  }
  return -1;
}

/** An @所有人 written in a text (full- or half-width @). */
const MENTION_ALL_TEXT = /[@＠]所有人/;

export function mentionsAllInText(text: string | null): boolean {
  return text !== null && MENTION_ALL_TEXT.test(text);
}
