import type { Config } from '../config/schema.js';
import {
  type LogicalMessage,
  routeMessage,
  type Unreachable,
  unreachable,
  weeklySubject,
} from '../deliver/channel-router.js';
import type { SendQueue } from '../deliver/send-queue.js';
import type { SupervisorAudit } from '../recommend/supervisor-audit.js';
import { renderSupervisorAudit } from '../render/render-supervisor-audit.js';
import { splitMessageParts } from '../render/split-message-parts.js';
import type { Store } from '../store/store.js';
import { auditInputsNow, buildSupervisorAudit } from '../weeks/build-supervisor-audit.js';
import {
  buildOwnerDigests,
  digestInputsNow,
  loadDigestInputs,
  type OwnerDigest,
} from '../weeks/owner-digests.js';
import { WeekAnalyses } from '../weeks/week-analyses.js';

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

export interface QueueOwnerDigestsOptions {
  /** Only this owner's digest. */
  ownerId?: string;
  /** The digests of `week` already built (`qingqun digest` builds them once, then queues them). */
  digests?: readonly OwnerDigest[];
  /** The shared week-analysis service; without it, one for this call. */
  analyses?: WeekAnalyses;
}

/** An owner's digest as one logical message (its dedupe key names week and owner). */
export function digestMessage(config: Config, week: string, d: OwnerDigest): LogicalMessage {
  return {
    audience: 'owners',
    recipientId: d.ownerId,
    key: `digest:${week}:${d.ownerId}`,
    subject: weeklySubject('ownerDigest', week, config),
    parts: d.parts,
    // An owner whose groups were all quiet gets no chart (chart null). The chart goes as what to
    // draw; the send queue draws it when it goes out.
    chart: d.chart ? { spec: d.chart, name: `qingqun-${week}.png` } : undefined,
  };
}

/** A supervisor's audit as one logical message: the text, and the CSV for a mail. */
export function auditMessage(
  config: Config,
  week: string,
  supervisorId: string,
  audit: SupervisorAudit,
): LogicalMessage {
  const text = renderSupervisorAudit(audit, 'text', config.locale);
  // The CSV writer (src/render/csv.ts) starts with a BOM, so spreadsheet programs read the Chinese as UTF-8.
  const csv = renderSupervisorAudit(audit, 'csv', config.locale);
  return {
    audience: 'supervisors',
    recipientId: supervisorId,
    key: `audit:${week}:${supervisorId}`,
    subject: weeklySubject('audit', week, config),
    parts: splitMessageParts(text, config.recommend.digest.maxPartChars),
    attachments: [
      {
        name: `qingqun-audit-${week}.csv`,
        contentType: 'text/csv; charset=utf-8',
        content: Buffer.from(csv),
      },
    ],
  };
}

/**
 * Every owner's weekly digest of `week` (or one owner's), built once from one analysis and one set of
 * recommendations taken from the week-analysis service.
 */
export function buildWeeklyOwnerDigests(
  store: Store,
  config: Config,
  week: string,
  options: { ownerId?: string; analyses?: WeekAnalyses } = {},
): OwnerDigest[] {
  const analyses = options.analyses ?? WeekAnalyses.forStore(store, config);
  return buildOwnerDigests(digestInputsNow(analyses, week), config, week, { ownerId: options.ownerId });
}

/** buildWeeklyOwnerDigests through the service's async reads: over either engine. */
export async function loadWeeklyOwnerDigests(
  analyses: WeekAnalyses,
  week: string,
  options: { ownerId?: string } = {},
): Promise<OwnerDigest[]> {
  const inputs = await loadDigestInputs(analyses, week);
  return buildOwnerDigests(inputs, analyses.config, week, { ownerId: options.ownerId });
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
  options: QueueOwnerDigestsOptions = {},
): QueuedDeliveries {
  const digests = options.digests ?? buildWeeklyOwnerDigests(store, config, week, options);
  const unreachableOnes: Unreachable[] = [];
  let queued = 0;
  let alreadyQueued = 0;
  for (const d of digests) {
    const route = routeMessage(store, config, digestMessage(config, week, d));
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
        recommendations: d.recommendations,
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
  analyses: WeekAnalyses = WeekAnalyses.forStore(store, config),
): QueuedDeliveries {
  const analysis = analyses.analysisNow(week);
  const recommendations = analyses.recommendationsNow(week);
  // Loaded once, built for each supervisor's scope.
  const inputs = auditInputsNow(store, config, week, (w) => analyses.analysisNow(w));
  let queued = 0;
  const unreachableOnes: Unreachable[] = [];
  for (const supervisor of config.org.supervisors) {
    const audit = buildSupervisorAudit(inputs, config, week, {
      supervisorId: supervisor.id,
      analysis,
      recommendations,
    });
    const route = routeMessage(store, config, auditMessage(config, week, supervisor.id, audit));
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
