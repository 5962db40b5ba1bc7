import { analyseStoredWeek } from '../analysis/analyse-stored-week.js';
import type { Config } from '../config/schema.js';
import { buildOwnerDigests } from '../recommend/build-owner-digests.js';
import { buildSupervisorAudit } from '../recommend/build-supervisor-audit.js';
import { recommendStoredWeek } from '../recommend/recommend-stored-week.js';
import type { Recommendation } from '../recommend/recommendation.js';
import { renderSupervisorAudit } from '../render/render-supervisor-audit.js';
import { splitMessageParts } from '../render/split-message-parts.js';
import type { Store } from '../store/store.js';
import { routeMessage, subjectFor, type Unreachable, unreachable } from './channel-router.js';
import type { SendQueue } from './send-queue.js';

export interface QueuedDeliveries {
  week: string;
  recipients: number;
  /** Outbox items newly queued (re-running the same week queues none). */
  queued: number;
  /** Recipients whose message was queued before (same week and key): nothing new queued for them. */
  alreadyQueued: number;
  /** Recipients no configured channel reaches (reported, never silently skipped). */
  unreachable: Unreachable[];
}

/**
 * Queues every owner's digest of `week` on the owner's channel (WeChat: text parts, then the chart;
 * email: one mail with the chart inline; src/deliver/channel-router.ts) and records which recommendations
 * each carries, so 采纳 N answers it. Dedupe keys name week, owner and part: a restart or a second run
 * of the same week queues nothing new (the outbox's exactly-once contract, docs/RELIABILITY.md).
 */
export function queueOwnerDigests(
  store: Store,
  config: Config,
  queue: Pick<SendQueue, 'enqueue'>,
  week: string,
  now: number,
  options: { ownerId?: string } = {},
): QueuedDeliveries {
  const analysis = analyseStoredWeek(store, config, week);
  const { recommendations } = recommendStoredWeek(store, config, week, analysis);
  const byId = new Map(recommendations.map((r) => [r.id, r]));
  const digests = buildOwnerDigests(store, config, week, { analysis, ownerId: options.ownerId });
  const unreachableOnes: Unreachable[] = [];
  let queued = 0;
  let alreadyQueued = 0;
  for (const d of digests) {
    const route = routeMessage(store, config, {
      audience: 'owners',
      recipientId: d.ownerId,
      key: `digest:${week}:${d.ownerId}`,
      subject: subjectFor('digest', week, config),
      parts: d.parts,
      // An owner whose groups were all quiet gets no chart (chartPng null).
      chart: d.chartPng ? { png: d.chartPng, name: `qingqun-${week}.png` } : undefined,
    });
    if (route.channel === null) {
      unreachableOnes.push(unreachable(store, 'owners', d.ownerId, route.tried));
      continue;
    }
    const outcomes = queue.enqueue(route.items);
    const fresh = outcomes.filter((o) => o === 'queued').length;
    queued += fresh;
    if (fresh === 0) alreadyQueued++;
    if (fresh > 0) {
      store.recommendations.recordIssued({
        ownerId: d.ownerId,
        week,
        recommendations: d.recommendationIds
          .map((id) => byId.get(id))
          .filter((r): r is Recommendation => r !== undefined),
        at: now,
      });
    }
  }
  return { week, recipients: digests.length, queued, alreadyQueued, unreachable: unreachableOnes };
}

/** Queues the audit of `week` to every configured supervisor, scoped to their units. Idempotent. */
export function queueSupervisorAudits(
  store: Store,
  config: Config,
  queue: Pick<SendQueue, 'enqueue'>,
  week: string,
): QueuedDeliveries {
  const analysis = analyseStoredWeek(store, config, week);
  let queued = 0;
  const unreachableOnes: Unreachable[] = [];
  for (const supervisor of config.org.supervisors) {
    const audit = buildSupervisorAudit(store, config, week, { supervisorId: supervisor.id, analysis });
    const text = renderSupervisorAudit(audit, 'text', config.locale);
    // The CSV writer (src/render/csv.ts) starts with a BOM, so spreadsheet programs read the Chinese as UTF-8.
    const csv = renderSupervisorAudit(audit, 'csv', config.locale);
    const route = routeMessage(store, config, {
      audience: 'supervisors',
      recipientId: supervisor.id,
      key: `audit:${week}:${supervisor.id}`,
      subject: subjectFor('audit', week, config),
      parts: splitMessageParts(text, config.recommend.digest.maxPartChars),
      attachments: [
        {
          name: `qingqun-audit-${week}.csv`,
          contentType: 'text/csv; charset=utf-8',
          content: Buffer.from(csv),
        },
      ],
    });
    if (route.channel === null) {
      unreachableOnes.push(unreachable(store, 'supervisors', supervisor.id, route.tried));
      continue;
    }
    queued += queue.enqueue(route.items).filter((o) => o === 'queued').length;
  }
  return {
    week,
    recipients: config.org.supervisors.length,
    queued,
    alreadyQueued: 0,
    unreachable: unreachableOnes,
  };
}

/**
 * A queue that only writes the outbox, for commands run beside the bot (`qingqun digest`): the
 * running bot's send queue delivers what they enqueue.
 */
export function outboxOnlyQueue(store: Store, now: number): Pick<SendQueue, 'enqueue'> {
  const outbox = store.outbox;
  return { enqueue: (items) => outbox.enqueue(items, now) };
}
