import type { Config } from '../config/schema.js';
import { createDailyDigests } from '../converse/daily-digests.js';
import { dailySubject, routeMessage } from '../deliver/channel-router.js';
import type { SendQueue } from '../deliver/send-queue.js';
import type { Job, JobContext } from '../deliver/start-schedules.js';
import { type Logger, silentLogger } from '../logging/logger.js';
import type { Store } from '../store/store.js';

export interface DailyDigestJobOptions {
  store: Store;
  config: Config;
  queue: Pick<SendQueue, 'enqueue'>;
  log?: Logger;
}

/**
 * The `dailyDigest` schedule's job: the cadres' daily digests (converse/daily-digests.ts) up to the
 * scheduled time, each on the cadre's channel (WeChat keys stay `daily:CONTACT:UNTIL:part:N`). Parts
 * that may have gone out before a crash are not resent (ifUncertain 'report'), like the weekly digests.
 */
export function createDailyDigestJob(options: DailyDigestJobOptions): Job {
  const { store, config, queue } = options;
  const log = options.log ?? silentLogger;
  const digests = createDailyDigests({ store, config });
  return (ctx: JobContext) => {
    const until = ctx.scheduledAt;
    const result = digests.run(until, ({ contactId, key, parts }) => {
      const route = routeMessage(store, config, {
        audience: 'cadres',
        recipientId: contactId,
        key,
        subject: dailySubject(until, config),
        parts,
        ifUncertain: 'report',
      });
      if (route.channel === null) {
        log.warn({ contactId, tried: route.tried }, 'daily digest: no channel reaches this cadre');
        return false;
      }
      queue.enqueue(route.items);
      return true;
    });
    if (result.subscribers > 0) log.info({ periodKey: ctx.periodKey, ...result }, 'daily digests queued');
    return result;
  };
}
