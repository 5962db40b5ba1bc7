import { analyseStoredWeek } from '../analysis/analyse-stored-week.js';
import type { Config } from '../config/schema.js';
import { buildOwnerDigests } from '../recommend/build-owner-digests.js';
import { buildSupervisorAudit } from '../recommend/build-supervisor-audit.js';
import { recommendStoredWeek } from '../recommend/recommend-stored-week.js';
import type { Recommendation } from '../recommend/recommendation.js';
import { renderSupervisorAudit } from '../render/render-supervisor-audit.js';
import { splitMessageParts } from '../render/split-message-parts.js';
import { Outbox, type OutboxItem } from '../store/outbox.js';
import { recordIssuedRecommendations } from '../store/recommendation-status.js';
import type { Store } from '../store/store.js';
import type { SendQueue } from './send-queue.js';

export interface QueuedDeliveries {
  week: string;
  recipients: number;
  /** Outbox items newly queued (re-running the same week queues none). */
  queued: number;
}

/**
 * Queues every owner's digest of `week` (text parts, then the chart) and records which recommendations
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
  let queued = 0;
  for (const d of digests) {
    const items: OutboxItem[] = d.parts.map((text, i) => ({
      dedupeKey: `digest:${week}:${d.ownerId}:part:${i + 1}`,
      recipientId: d.ownerId,
      content: { kind: 'text', text },
    }));
    if (d.chartPng) {
      items.push({
        dedupeKey: `digest:${week}:${d.ownerId}:chart`,
        recipientId: d.ownerId,
        content: { kind: 'image', base64: d.chartPng.toString('base64'), name: `qingqun-${week}.png` },
      });
    }
    const outcomes = queue.enqueue(items);
    const fresh = outcomes.filter((o) => o === 'queued').length;
    queued += fresh;
    if (fresh > 0) {
      recordIssuedRecommendations(store, {
        ownerId: d.ownerId,
        week,
        recommendations: d.recommendationIds
          .map((id) => byId.get(id))
          .filter((r): r is Recommendation => r !== undefined),
        at: now,
      });
    }
  }
  return { week, recipients: digests.length, queued };
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
  for (const supervisor of config.org.supervisors) {
    const audit = buildSupervisorAudit(store, config, week, { supervisorId: supervisor.id, analysis });
    const text = renderSupervisorAudit(audit, 'text', config.locale);
    const parts = splitMessageParts(text, config.recommend.digest.maxPartChars);
    const outcomes = queue.enqueue(
      parts.map((part, i) => ({
        dedupeKey: `audit:${week}:${supervisor.id}:part:${i + 1}`,
        recipientId: supervisor.id,
        content: { kind: 'text', text: part },
      })),
    );
    queued += outcomes.filter((o) => o === 'queued').length;
  }
  return { week, recipients: config.org.supervisors.length, queued };
}

/**
 * A queue that only writes the outbox, for commands run beside the bot (`qingqun digest`): the
 * running bot's send queue delivers what they enqueue.
 */
export function outboxOnlyQueue(store: Store, now: number): Pick<SendQueue, 'enqueue'> {
  const outbox = new Outbox(store.db);
  return { enqueue: (items) => outbox.enqueue(items, now) };
}
