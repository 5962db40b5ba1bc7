import { createWorkCalendar } from '../calendar/work-calendar.js';
import { type Config, configSchema } from '../config/schema.js';
import type { MessageInput, QuoteInfo, TextClass } from '../model/message.js';
import { classifyWithTraits, type TextRules, type TextTraits, textTraits } from '../text/classify-text.js';
import { normaliseNotice, textFingerprint } from '../text/notice-form.js';
import { mentionsAllInText, splitQuote } from '../text/quote.js';

/**
 * What the store knows about a person: 'recorded' (the default), 'opted-out' (their messages are
 * counted, nothing more) or 'forgotten' (as opted out, and their messages carry no sender id).
 */
export type PersonStatus = 'recorded' | 'opted-out' | 'forgotten';

/** A message as it is written: the input after the policy, plus what is kept in place of its text. */
export interface PreparedMessage extends MessageInput {
  /** The quote the message carries, split from its text or given by the source (see separateQuote). */
  quote: QuoteInfo | null;
  /** Length in code points of the message's own text (the reply alone for a quote reply), kept or not. */
  textLength: number;
  textClass: TextClass | null;
  replyNumber: number | null;
  fingerprint: string | null;
}

export type KeepText = Config['privacy']['keepText'];

/**
 * The one decision about what of a message is stored, applied by the store to every insert
 * (recorder, importers, simulation player alike; docs/PRIVACY.md):
 * - every text is classified, fingerprinted and its number-off number read before it may be dropped;
 * - keepText 'notices': the text is kept only if it can be a notice or instruction (classifyText's
 *   mayBeNotice), or it is a card's text (link, file, mini program); 'all' keeps it, 'none' never;
 *   a recall keeps its text, which is the recalled message's id, not content;
 * - an opted-out sender: only counts — type, time, group, sender, length and class; no text,
 *   fingerprint, mentions, link, file or mini-program details (a recall still names what it recalled);
 * - a forgotten sender: the same, without the sender id;
 * - ids of opted-out or forgotten people are removed from every message's mentions;
 * - a quote reply is separated first (separateQuote): only the reply is classified, fingerprinted and
 *   kept as text; the quote's excerpt is kept only where the reply's text is kept, its sender id not
 *   when that person opted out.
 */
export interface StoragePolicy {
  keepText: KeepText;
  prepare(m: MessageInput, statusOf: (contactId: string) => PersonStatus): PreparedMessage;
}

const CARD_TYPES = new Set<MessageInput['type']>(['link', 'file', 'miniprogram']);

/** What is worked out of a text alone: the same for every message carrying it. */
interface KnownText {
  traits: TextTraits;
  fingerprint: string | null;
}

/**
 * With `bulk` (importers), what is worked out of each distinct text is remembered: chats repeat a few
 * texts ("收到", copies of one notice) very often. The memo is emptied when it reaches this many texts
 * or characters, so memory stays bounded on any input. Off by default: a long-running recorder gains
 * little from it and should not hold texts the database does not keep (docs/PRIVACY.md).
 */
const MEMO_TEXTS = 50_000;
const MEMO_CHARS = 8_000_000;

export interface StoragePolicyOptions {
  /** Remember per-text work for the length of a bulk import (see MEMO_TEXTS). */
  bulk?: boolean;
}

export function createStoragePolicy(config: Config, options: StoragePolicyOptions = {}): StoragePolicy {
  const keepText = config.privacy.keepText;
  const rules: TextRules = {
    minLength: config.analysis.duplicates.minLength,
    calendar: createWorkCalendar(config),
    immediateMinutes: config.analysis.rushed.immediateMinutes,
  };
  const memo = new Map<string, KnownText>();
  let memoChars = 0;
  const work = (text: string): KnownText => {
    const normalised = normaliseNotice(text);
    return { traits: textTraits(text, rules, normalised), fingerprint: textFingerprint(text, normalised) };
  };
  const known = (text: string): KnownText => {
    if (!options.bulk) return work(text);
    let k = memo.get(text);
    if (k === undefined) {
      k = work(text);
      if (memo.size >= MEMO_TEXTS || memoChars >= MEMO_CHARS) {
        memo.clear();
        memoChars = 0;
      }
      memo.set(text, k);
      memoChars += text.length;
    }
    return k;
  };
  return {
    keepText,
    prepare(input, statusOf) {
      const m = separateQuote(input);
      const textLength = codePointLength(m.text);
      const sender = m.senderId === null ? 'recorded' : statusOf(m.senderId);
      // A recall's text is an id, not content: neither classified nor fingerprinted.
      const k = m.text === null || m.type === 'recalled' ? null : known(m.text);
      const facts = k === null ? null : classifyWithTraits(k.traits, m, rules);
      const textClass = facts === null ? null : facts.textClass;
      const replyNumber = facts === null ? null : facts.replyNumber;
      if (sender !== 'recorded') {
        // A recall's text is the recalled message's id: it keeps the original out of the counts.
        const text = m.type === 'recalled' ? m.text : null;
        const senderId = sender === 'forgotten' ? null : m.senderId;
        return prepared(
          m,
          senderId,
          text,
          [],
          null,
          null,
          null,
          textClass,
          replyNumber,
          null,
          null,
          textLength,
        );
      }
      const keep =
        m.type === 'recalled' ||
        keepText === 'all' ||
        (keepText === 'notices' && (CARD_TYPES.has(m.type) || facts?.mayBeNotice === true));
      const mentionIds =
        m.mentionIds.length === 0 ? [] : m.mentionIds.filter((id) => statusOf(id) === 'recorded');
      const fingerprint = k === null ? null : k.fingerprint;
      const quote = m.quote ? keptQuote(m.quote, keep, statusOf) : null;
      return prepared(
        m,
        m.senderId,
        keep ? m.text : null,
        mentionIds,
        m.link,
        m.file,
        m.miniprogram,
        textClass,
        replyNumber,
        fingerprint,
        quote,
        textLength,
      );
    },
  };
}

/**
 * The one point where a quote reply that arrives as one text (WeChat 「…」, WeCom 这是一条引用/回复消息,
 * chatlog `> ` lines: src/text/quote.ts) is separated, for every source alike: `text`
 * becomes the reply alone, `quote` what it quotes. A quote the source already gave apart (chatlog
 * 49/57 `contents.refer`) is taken as it is and the text not split again. A quote reply @s nobody:
 * an @所有人 that stood only in the quote no longer counts.
 */
export function separateQuote(m: MessageInput): MessageInput {
  if (m.quote != null || m.type !== 'text') return m;
  const split = splitQuote(m.text);
  if (split === null) return m;
  return {
    ...m,
    text: split.reply,
    quote: split.quote,
    mentionAll: m.mentionAll && mentionsAllInText(split.reply),
  };
}

/** What is stored of a quote: the excerpt only with the reply's text; no id of a withheld person. */
function keptQuote(
  q: QuoteInfo,
  keepText: boolean,
  statusOf: (id: string) => PersonStatus,
): QuoteInfo | null {
  const withheld = q.senderId !== null && statusOf(q.senderId) !== 'recorded';
  const kept: QuoteInfo = {
    messageId: q.messageId,
    senderId: withheld ? null : q.senderId,
    senderName: withheld ? null : q.senderName,
    excerpt: keepText && !withheld ? q.excerpt : null,
  };
  return kept.messageId === null &&
    kept.senderId === null &&
    kept.senderName === null &&
    kept.excerpt === null
    ? null
    : kept;
}

const SURROGATE_PAIR = /[\uD800-\uDBFF][\uDC00-\uDFFF]/g;

/** Length in code points (what users see as characters), without building an array. */
function codePointLength(text: string | null): number {
  if (text === null) return 0;
  SURROGATE_PAIR.lastIndex = 0;
  let pairs = 0;
  while (SURROGATE_PAIR.exec(text) !== null) pairs++;
  return text.length - pairs;
}

/** Written out rather than spread (`{ ...m, … }`): a spread per message cost more than classifying it. */
function prepared(
  m: MessageInput,
  senderId: string | null,
  text: string | null,
  mentionIds: string[],
  link: MessageInput['link'],
  file: MessageInput['file'],
  miniprogram: MessageInput['miniprogram'],
  textClass: TextClass | null,
  replyNumber: number | null,
  fingerprint: string | null,
  quote: QuoteInfo | null,
  textLength: number,
): PreparedMessage {
  return {
    source: m.source,
    id: m.id,
    groupId: m.groupId,
    senderId,
    time: m.time,
    type: m.type,
    text,
    mentionAll: m.mentionAll,
    mentionIds,
    link,
    file,
    miniprogram,
    quote,
    textLength,
    textClass,
    replyNumber,
    fingerprint,
  };
}

let defaultPolicy: StoragePolicy | undefined;

/** The policy of the shipped defaults (keepText 'notices'): what a Store applies unless given another. */
export function defaultStoragePolicy(): StoragePolicy {
  defaultPolicy ??= createStoragePolicy(configSchema.parse({}));
  return defaultPolicy;
}
