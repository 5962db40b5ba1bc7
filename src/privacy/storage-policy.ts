import { normaliseNotice } from '../analysis/dedupe/normalise-notice.js';
import { createWorkCalendar } from '../analysis/work-calendar.js';
import { type Config, configSchema } from '../config/schema.js';
import type { MessageInput, TextClass } from '../model/message.js';
import { classifyText, type TextRules } from './classify-text.js';
import { textFingerprint } from './text-fingerprint.js';

/**
 * What the store knows about a person: 'recorded' (the default), 'opted-out' (their messages are
 * counted, nothing more) or 'forgotten' (as opted out, and their messages carry no sender id).
 */
export type PersonStatus = 'recorded' | 'opted-out' | 'forgotten';

/** A message as it is written: the input after the policy, plus what is kept in place of its text. */
export interface PreparedMessage extends MessageInput {
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
 * - ids of opted-out or forgotten people are removed from every message's mentions.
 */
export interface StoragePolicy {
  keepText: KeepText;
  prepare(m: MessageInput, statusOf: (contactId: string) => PersonStatus): PreparedMessage;
}

const CARD_TYPES = new Set<MessageInput['type']>(['link', 'file', 'miniprogram']);

export function createStoragePolicy(config: Config): StoragePolicy {
  const keepText = config.privacy.keepText;
  const rules: TextRules = {
    minLength: config.analysis.duplicates.minLength,
    calendar: createWorkCalendar(config),
    immediateMinutes: config.analysis.rushed.immediateMinutes,
  };
  return {
    keepText,
    prepare(m, statusOf) {
      const sender = m.senderId === null ? 'recorded' : statusOf(m.senderId);
      const normalised = m.text === null || m.type === 'recalled' ? '' : normaliseNotice(m.text);
      const facts = classifyText(m, rules, normalised);
      const mentionIds = m.mentionIds.filter((id) => statusOf(id) === 'recorded');
      if (sender !== 'recorded') {
        return {
          ...m,
          senderId: sender === 'forgotten' ? null : m.senderId,
          // A recall's text is the recalled message's id: it keeps the original out of the counts.
          text: m.type === 'recalled' ? m.text : null,
          mentionIds: [],
          link: null,
          file: null,
          miniprogram: null,
          textClass: facts?.textClass ?? null,
          replyNumber: facts?.replyNumber ?? null,
          fingerprint: null,
        };
      }
      const keep =
        m.type === 'recalled' ||
        keepText === 'all' ||
        (keepText === 'notices' && (CARD_TYPES.has(m.type) || facts?.mayBeNotice === true));
      return {
        ...m,
        text: keep ? m.text : null,
        mentionIds,
        textClass: facts?.textClass ?? null,
        replyNumber: facts?.replyNumber ?? null,
        fingerprint: m.type === 'recalled' ? null : textFingerprint(m.text, normalised),
      };
    },
  };
}

let defaultPolicy: StoragePolicy | undefined;

/** The policy of the shipped defaults (keepText 'notices'): what a Store applies unless given another. */
export function defaultStoragePolicy(): StoragePolicy {
  defaultPolicy ??= createStoragePolicy(configSchema.parse({}));
  return defaultPolicy;
}
