/**
 * Queueing the weekly digests and audits on the central PostgreSQL store (issue 18): the same
 * logical messages, router and dedupe keys as local queueing (weekly-deliveries.ts), written into
 * the central outbox, which the host of the account reaching each recipient pulls into its own send
 * queue (src/store/postgres/central-outbox.ts). A second run of the same week queues nothing.
 */
import type { Config } from '../config/schema.js';
import type { Audience } from '../deliver/channel.js';
import {
  type LogicalMessage,
  type RouteResult,
  routeWith,
  type Unreachable,
  unreachableNamed,
} from '../deliver/channel-router.js';
import type { IssuableRecommendation } from '../model/recommendation-status.js';
import type { ContactAddresses } from '../store/contacts.js';
import type { OutboxItem } from '../store/outbox.js';
import type { StoreReads } from '../store/store-reads.js';
import { buildSupervisorAudit, loadAuditInputs } from '../weeks/build-supervisor-audit.js';
import type { OwnerDigest } from '../weeks/owner-digests.js';
import type { WeekAnalyses } from '../weeks/week-analyses.js';
import { auditMessage, digestMessage, type QueuedDeliveries } from './weekly-deliveries.js';

/** The central store's side of queueing (PgCentralDeliveries, src/store/postgres/pg-central-deliveries.ts). */
export interface CentralDeliveries {
  contacts(ids: readonly string[]): Promise<Map<string, { name: string } & ContactAddresses>>;
  keysStartingWith(prefix: string): Promise<Set<string>>;
  queue(items: readonly OutboxItem[], now: number): Promise<{ queued: number; unreachable: string[] }>;
  recordIssued(issue: {
    ownerId: string;
    week: string;
    recommendations: readonly IssuableRecommendation[];
    at: number;
  }): Promise<void>;
}

interface Routed {
  message: LogicalMessage;
  route: RouteResult;
  name: string | undefined;
}

/**
 * Routes the messages of one period (keys under `prefix`) with what the central store holds, read
 * once: the recipients' addresses and the keys queued before.
 */
async function routeCentrally(
  central: CentralDeliveries,
  config: Config,
  prefix: string,
  messages: readonly LogicalMessage[],
): Promise<Routed[]> {
  const contacts = await central.contacts(messages.map((m) => m.recipientId));
  const keys = await central.keysStartingWith(prefix);
  // Sorted by code unit, so the keys under a prefix start at the first key not below it: one binary
  // search per message, not a scan of every key queued this period.
  const sorted = [...keys].sort();
  const hasKeyPrefix = (p: string) => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((sorted[mid] as string) < p) lo = mid + 1;
      else hi = mid;
    }
    return lo < sorted.length && (sorted[lo] as string).startsWith(p);
  };
  const lookups = {
    addresses: (id: string) => contacts.get(id),
    hasKeyPrefix,
    hasKey: (k: string) => keys.has(k),
  };
  return messages.map((message) => ({
    message,
    route: routeWith(lookups, config, message),
    name: contacts.get(message.recipientId)?.name,
  }));
}

/** Queues one routed message: how many of its items were new, or whom it cannot reach. */
async function queueRouted(
  central: CentralDeliveries,
  { message, route, name }: Routed,
  now: number,
): Promise<{ fresh: number } | { unreachable: Unreachable }> {
  const audience: Audience = message.audience;
  if (route.channel === null) {
    return { unreachable: unreachableNamed(name, audience, message.recipientId, route.tried) };
  }
  const r = await central.queue(route.items, now);
  // No recorded bot account reaches a WeChat recipient: reported as a recipient no channel reaches.
  if (r.unreachable.includes(message.recipientId)) {
    return {
      unreachable: {
        ...unreachableNamed(name, audience, message.recipientId, [route.channel]),
        noAccount: true,
      },
    };
  }
  return { fresh: r.queued };
}

/**
 * As queueOwnerDigests, into the central outbox: the digests already built, each on its owner's
 * channel; the recommendations a newly queued digest carries are recorded as issued centrally.
 */
export async function queueOwnerDigestsCentrally(
  central: CentralDeliveries,
  config: Config,
  week: string,
  digests: readonly OwnerDigest[],
  now: number,
): Promise<QueuedDeliveries> {
  const routed = await routeCentrally(
    central,
    config,
    `digest:${week}:`,
    digests.map((d) => digestMessage(config, week, d)),
  );
  const unreachableOnes: Unreachable[] = [];
  let queued = 0;
  let alreadyQueued = 0;
  for (const [i, r] of routed.entries()) {
    const d = digests[i] as OwnerDigest;
    const outcome = await queueRouted(central, r, now);
    if ('unreachable' in outcome) {
      unreachableOnes.push(outcome.unreachable);
      continue;
    }
    queued += outcome.fresh;
    if (outcome.fresh === 0) alreadyQueued++;
    else
      await central.recordIssued({ ownerId: d.ownerId, week, recommendations: d.recommendations, at: now });
  }
  return { week, recipients: digests.length, queued, alreadyQueued, unreachable: unreachableOnes };
}

/** As queueSupervisorAudits, into the central outbox: each configured supervisor's scoped audit. */
export async function queueSupervisorAuditsCentrally(
  central: CentralDeliveries,
  reads: StoreReads,
  config: Config,
  analyses: WeekAnalyses,
  week: string,
  now: number,
): Promise<QueuedDeliveries> {
  const analysis = await analyses.analysis(week);
  const recommendations = await analyses.recommendations(week);
  const inputs = await loadAuditInputs(reads, config, week, (w) => analyses.analysis(w));
  const messages = config.org.supervisors.map((supervisor) =>
    auditMessage(
      config,
      week,
      supervisor.id,
      buildSupervisorAudit(inputs, config, week, { supervisorId: supervisor.id, analysis, recommendations }),
    ),
  );
  const routed = await routeCentrally(central, config, `audit:${week}:`, messages);
  const unreachableOnes: Unreachable[] = [];
  let queued = 0;
  let alreadyQueued = 0;
  for (const r of routed) {
    const outcome = await queueRouted(central, r, now);
    if ('unreachable' in outcome) {
      unreachableOnes.push(outcome.unreachable);
      continue;
    }
    queued += outcome.fresh;
    if (outcome.fresh === 0) alreadyQueued++;
  }
  return {
    week,
    recipients: config.org.supervisors.length,
    queued,
    alreadyQueued,
    unreachable: unreachableOnes,
  };
}
