import type { Config } from '../config/schema.js';
import type { Store } from '../store/store.js';
import { analyseDigestWindow, buildMutedDigest, DIGEST_LOOKBACK_MS } from './build-muted-digest.js';
import { converseText } from './converse-text.js';
import { renderMutedDigest } from './render-muted-digest.js';

const DAY = 86_400_000;
/** After an outage a digest covers at most this much (older news is stale, and parts stay few). */
const MAX_SPAN_MS = 7 * DAY;

/** One subscriber's digest, ready to send: `key` is the message's idempotency key. */
export interface DailyDigestMessage {
  contactId: string;
  key: string;
  until: number;
  parts: string[];
}

/**
 * Sends one digest on the cadre's channel (the deliver stage: routing and the send queue, parts
 * not resent when they may have gone out before a crash). False when no channel reaches the cadre.
 */
export type DailyDigestOutlet = (message: DailyDigestMessage) => boolean;

export interface DailyDigests {
  /**
   * Each subscriber's digest of their muted groups since the end of their last one (at most 7 days;
   * a day on the first run), up to `until`, handed to `send`. The window is analysed once for
   * everyone. Idempotent: a message's key is `daily:CONTACT:UNTIL` (a re-run sends nothing new)
   * and the subscriber's `lastSentUntil` moves only after `send`. A day without entries sends nothing.
   */
  run(until: number, send: DailyDigestOutlet): { subscribers: number; sent: number };
}

/** The cadres' daily digests; the `dailyDigest` schedule's job (deliver/daily-digest-job.ts) runs them. */
export function createDailyDigests(options: { store: Store; config: Config }): DailyDigests {
  const { store, config } = options;
  const text = converseText(config.locale);
  const preferences = store.preferences;
  return {
    run(until, send) {
      const spans = preferences
        .subscribers()
        .map((s) => ({
          contactId: s.contactId,
          since: Math.max(until - MAX_SPAN_MS, s.lastSentUntil ?? until - DAY),
        }))
        .filter((s) => s.since < until);
      if (spans.length === 0) return { subscribers: 0, sent: 0 };
      const from = Math.min(...spans.map((s) => s.since)) - DIGEST_LOOKBACK_MS;
      const window = analyseDigestWindow(store, config, from, until);
      let sent = 0;
      for (const { contactId, since } of spans) {
        const digest = buildMutedDigest(store, config, contactId, since, until, { window });
        const parts = renderMutedDigest(digest, {
          text,
          timezone: config.timezone,
          groupName: (id) => store.groups.find(id)?.name || id,
          contactName: (id) => store.contacts.find(id)?.name || undefined,
          maxPartChars: config.recommend.digest.maxPartChars,
        });
        if (parts.length > 0 && send({ contactId, key: `daily:${contactId}:${until}`, until, parts })) sent++;
        preferences.recordDigestSent(contactId, until);
      }
      return { subscribers: spans.length, sent };
    },
  };
}
