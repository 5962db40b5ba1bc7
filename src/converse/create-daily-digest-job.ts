import type { Config } from '../config/schema.js';
import { dailySubject, routeMessage } from '../deliver/channel-router.js';
import type { SendQueue } from '../deliver/send-queue.js';
import type { Job, JobContext } from '../deliver/start-schedules.js';
import { type Logger, silentLogger } from '../logging/logger.js';
import { CadrePreferences } from '../store/cadre-preferences.js';
import { findContact } from '../store/find-contact.js';
import { findGroup } from '../store/find-group.js';
import type { Store } from '../store/store.js';
import { analyseDigestWindow, buildMutedDigest, DIGEST_LOOKBACK_MS } from './build-muted-digest.js';
import { converseText } from './converse-text.js';
import { renderMutedDigest } from './render-muted-digest.js';

const DAY = 86_400_000;
/** After an outage a digest covers at most this much (older news is stale, and parts stay few). */
const MAX_SPAN_MS = 7 * DAY;

export interface DailyDigestJobOptions {
  store: Store;
  config: Config;
  queue: Pick<SendQueue, 'enqueue'>;
  log?: Logger;
}

/**
 * The `dailyDigest` schedule's job: each subscriber gets the digest of their muted groups since the
 * end of their last one (at most 7 days; a day on the first run), up to the scheduled time. The
 * window is analysed once for everyone. Idempotent: parts are keyed `daily:CONTACT:UNTIL:part:N`
 * (a re-run enqueues nothing new) and the subscriber's `lastSentUntil` moves only after enqueueing.
 * A day without entries sends nothing. Parts that may have gone out before a crash are not resent
 * (ifUncertain 'report'), like the weekly digests.
 */
export function createDailyDigestJob(options: DailyDigestJobOptions): Job {
  const { store, config, queue } = options;
  const log = options.log ?? silentLogger;
  const text = converseText(config.locale);
  const preferences = new CadrePreferences(store);
  return (ctx: JobContext) => {
    const until = ctx.scheduledAt;
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
        groupName: (id) => findGroup(store, id)?.name || id,
        contactName: (id) => findContact(store, id)?.name || undefined,
        maxPartChars: config.recommend.digest.maxPartChars,
      });
      if (parts.length > 0) {
        // On the cadre's channel (WeChat keys stay `daily:CONTACT:UNTIL:part:N`).
        const route = routeMessage(store, config, {
          audience: 'cadres',
          recipientId: contactId,
          key: `daily:${contactId}:${until}`,
          subject: dailySubject(until, config),
          parts,
          ifUncertain: 'report',
        });
        if (route.channel === null) {
          log.warn({ contactId, tried: route.tried }, 'daily digest: no channel reaches this cadre');
        } else {
          queue.enqueue(route.items);
          sent++;
        }
      }
      preferences.recordDigestSent(contactId, until);
    }
    log.info({ periodKey: ctx.periodKey, subscribers: spans.length, sent }, 'daily digests queued');
    return { subscribers: spans.length, sent };
  };
}
