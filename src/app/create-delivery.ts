import { shiftWeek, weekOf } from '../calendar/weeks.js';
import type { Config } from '../config/schema.js';
import { type Conversation, createConversation } from '../converse/create-conversation.js';
import {
  describeBlocked,
  describeFailed,
  describeUndeliverable,
  describeUnreachable,
} from '../deliver/channel-report.js';
import type { Clock } from '../deliver/clock.js';
import type { Channels } from '../deliver/create-channels.js';
import { SendQueue } from '../deliver/send-queue.js';
import type { Sender } from '../deliver/sender.js';
import { type Job, type Schedules, startSchedules } from '../deliver/start-schedules.js';
import type { Logger } from '../logging/logger.js';
import type { Store } from '../store/store.js';
import { WeekAnalyses } from '../weeks/week-analyses.js';
import { createDailyDigestJob } from './daily-digest-job.js';
import { storeMemberPrivacy } from './member-privacy.js';
import { queueOwnerDigests, queueSupervisorAudits } from './weekly-deliveries.js';

export interface DeliveryOptions {
  store: Store;
  config: Config;
  sender: Sender;
  clock: Clock;
  log: Logger;
  /** 'cron' for a live bot; 'manual' when a simulated clock steps through `runDueJobs`. */
  timers: 'cron' | 'manual';
  /** The daily member snapshot (needs a live bot); omitted, that job is not scheduled. */
  memberSnapshot?: Job;
  /** Senders of the channels besides WeChat (createChannels); omitted, only WeChat rows are sent. */
  channels?: Pick<Channels, 'senders' | 'addressOf'>;
  /** Operator-facing reports: a channel stopped, a recipient unreachable, a message given up. */
  onReport?: (line: string) => void;
  /**
   * The process's week-analysis service, when something else in it (the dashboard of `qingqun run`)
   * reads weeks too: one service, so a week is analysed once per process. Omitted, one is made here.
   */
  analyses?: WeekAnalyses;
}

export interface Delivery {
  queue: SendQueue;
  /** The week-analysis service the conversation and the jobs share. */
  analyses: WeekAnalyses;
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
    outbox: store.outbox,
    sender: options.sender,
    clock,
    settings: config.deliver,
    log,
    channels: options.channels?.senders,
    addressOf: options.channels?.addressOf,
    onUndeliverable: (r) => {
      log.warn({ recipientId: r.recipientId, channel: r.channel, reason: r.reason }, 'recipient unreachable');
      options.onReport?.(describeUndeliverable(r, config.locale));
    },
    onFailed: (row) => options.onReport?.(describeFailed(row, config.locale)),
    onChannelBlocked: (e) => options.onReport?.(describeBlocked(e, config.locale)),
    onUnconfirmed: (rows) => log.warn({ keys: rows.map((r) => r.dedupeKey) }, 'sends interrupted by a crash'),
  });
  // One week-analysis service for the conversation and the weekly jobs: a week is analysed once.
  const analyses = options.analyses ?? WeekAnalyses.forStore(store, config);
  const conversation = createConversation({
    store,
    config,
    queue,
    clock,
    log,
    privacy: storeMemberPrivacy(store, config),
    analyses,
  });
  const jobs: Partial<Record<keyof Config['schedules'], Job>> = {
    weeklyDigest: (ctx) => {
      const r = queueOwnerDigests(
        store,
        config,
        queue,
        reportedWeek(ctx.scheduledAt, config.timezone),
        ctx.now,
        { analyses },
      );
      log.info({ week: r.week, owners: r.recipients, queued: r.queued }, 'owner digests queued');
      for (const u of r.unreachable) options.onReport?.(describeUnreachable(u, config.locale));
    },
    supervisorAudit: (ctx) => {
      const week = reportedWeek(ctx.scheduledAt, config.timezone);
      const r = queueSupervisorAudits(store, config, queue, week, analyses);
      log.info({ week: r.week, supervisors: r.recipients, queued: r.queued }, 'audits queued');
      for (const u of r.unreachable) options.onReport?.(describeUnreachable(u, config.locale));
    },
    dailyDigest: createDailyDigestJob({ store, config, queue, log }),
    retentionPurge: (ctx) => {
      log.info({ ...store.maintenance.purgeExpired(config, ctx.now) }, 'retention purge');
    },
    ...(options.memberSnapshot ? { memberSnapshot: options.memberSnapshot } : {}),
  };
  const schedules = await startSchedules({ config, store, jobs, clock, log, timers: options.timers });
  if (options.timers === 'cron') queue.start();
  return {
    queue,
    analyses,
    conversation,
    schedules,
    async stop() {
      await schedules.stop();
      await queue.stop();
    },
  };
}
