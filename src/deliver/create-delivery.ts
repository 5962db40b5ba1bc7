import { shiftWeek, weekOf } from '../analysis/week-bounds.js';
import type { Config } from '../config/schema.js';
import { type Conversation, createConversation } from '../converse/create-conversation.js';
import { createDailyDigestJob } from '../converse/create-daily-digest-job.js';
import { storeMemberPrivacy } from '../privacy/store-member-privacy.js';
import { Outbox } from '../store/outbox.js';
import { purgeExpired } from '../store/purge-expired.js';
import type { Store } from '../store/store.js';
import type { Clock } from './clock.js';
import type { DeliverLog } from './deliver-log.js';
import { queueOwnerDigests, queueSupervisorAudits } from './queue-weekly-deliveries.js';
import { SendQueue } from './send-queue.js';
import type { Sender } from './sender.js';
import { type Job, type Schedules, startSchedules } from './start-schedules.js';

export interface DeliveryOptions {
  store: Store;
  config: Config;
  sender: Sender;
  clock: Clock;
  log: DeliverLog;
  /** 'cron' for a live bot; 'manual' when a simulated clock steps through `runDueJobs`. */
  timers: 'cron' | 'manual';
  /** The daily member snapshot (needs a live bot); omitted, that job is not scheduled. */
  memberSnapshot?: Job;
}

export interface Delivery {
  queue: SendQueue;
  conversation: Conversation;
  schedules: Schedules;
  stop(): Promise<void>;
}

/** The week a Monday job reports: the ISO week before the one it fires in. */
const reportedWeek = (at: number, timezone: string) => shiftWeek(weekOf(at, timezone), -1, timezone);

/**
 * Wires the deliver stage: the one send queue, the private-chat conversation answering through it,
 * and the schedules (weekly owner digests, the supervisors' audit, cadres' daily digests, member
 * snapshots, the retention purge). Every outgoing message goes through `queue`.
 */
export async function createDelivery(options: DeliveryOptions): Promise<Delivery> {
  const { store, config, clock, log } = options;
  const queue = new SendQueue({
    outbox: new Outbox(store.db),
    sender: options.sender,
    clock,
    settings: config.deliver,
    log,
    onUndeliverable: (r) =>
      log.warn({ recipientId: r.recipientId, reason: r.reason }, 'recipient unreachable'),
    onUnconfirmed: (rows) => log.warn({ keys: rows.map((r) => r.dedupeKey) }, 'sends interrupted by a crash'),
  });
  const conversation = createConversation({
    store,
    config,
    queue,
    clock,
    log,
    privacy: storeMemberPrivacy(store, config),
  });
  const jobs: Partial<Record<keyof Config['schedules'], Job>> = {
    weeklyDigest: (ctx) => {
      const r = queueOwnerDigests(
        store,
        config,
        queue,
        reportedWeek(ctx.scheduledAt, config.timezone),
        ctx.now,
      );
      log.info({ week: r.week, owners: r.recipients, queued: r.queued }, 'owner digests queued');
    },
    supervisorAudit: (ctx) => {
      const r = queueSupervisorAudits(store, config, queue, reportedWeek(ctx.scheduledAt, config.timezone));
      log.info({ week: r.week, supervisors: r.recipients, queued: r.queued }, 'audits queued');
    },
    dailyDigest: createDailyDigestJob({ store, config, queue, log }),
    retentionPurge: (ctx) => {
      log.info({ ...purgeExpired(store, config, ctx.now) }, 'retention purge');
    },
    ...(options.memberSnapshot ? { memberSnapshot: options.memberSnapshot } : {}),
  };
  const schedules = await startSchedules({ config, store, jobs, clock, log, timers: options.timers });
  if (options.timers === 'cron') queue.start();
  return {
    queue,
    conversation,
    schedules,
    async stop() {
      await schedules.stop();
      await queue.stop();
    },
  };
}
