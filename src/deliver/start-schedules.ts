import { type ScheduledTask, schedule } from 'node-cron';
import type { Config } from '../config/schema.js';
import { errorText, type Logger, STORED_ERROR_CHARS, silentLogger } from '../logging/logger.js';
import type { Store } from '../store/store.js';
import type { Clock } from './clock.js';
import { CronSchedule } from './cron-schedule.js';

export type JobName = keyof Config['schedules'];

export interface JobContext {
  job: JobName;
  /** e.g. 'weeklyDigest:2026-W48': the period in which the run was scheduled (not the week it reports). */
  periodKey: string;
  /** The scheduled fire time (ms); a catch-up run gets the time it should have run at. */
  scheduledAt: number;
  /** The clock when the run began. */
  now: number;
  /**
   * When this job's last completed period was scheduled, if any. Catch-up runs only the latest
   * missed period, so a job that must cover a longer outage (a daily digest) covers everything since.
   */
  previousDoneAt: number | undefined;
}

/** A job must be idempotent: an interrupted run is run again (e.g. enqueue with dedupe keys). */
export type Job = (ctx: JobContext) => unknown;

export interface JobOutcome {
  job: JobName;
  periodKey: string;
  scheduledAt: number;
  status: 'done' | 'failed';
  error?: string;
}

export interface StartSchedulesOptions {
  config: Pick<Config, 'timezone' | 'schedules' | 'deliver'>;
  store: Pick<Store, 'jobRuns'>;
  /** Jobs not given are not scheduled. */
  jobs: Partial<Record<JobName, Job>>;
  clock: Clock;
  log?: Logger;
  /** 'cron' (default): node-cron timers run the jobs; 'manual': only runDueJobs does (simulated clock). */
  timers?: 'cron' | 'manual';
}

export interface Schedules {
  /** The runs made at startup (each job's latest missed period). */
  readonly startup: JobOutcome[];
  /**
   * Runs every fire since the previous call (or startup) up to `now`, in time order, then retries
   * each job's latest period if it failed and has attempts left. Only runs that happened are returned.
   */
  runDueJobs(now?: number): Promise<JobOutcome[]>;
  /** The next fire of any job after `after`. */
  nextFire(after?: number): { job: JobName; at: number } | undefined;
  /** The key of the latest period of `job` due at `at`, if it has fired at all. */
  periodKeyAt(job: JobName, at: number): string | undefined;
  /** Stops the timers and waits for runs in progress. */
  stop(): Promise<void>;
}

/** The key a job's run for the fire at `fireAt` is recorded under. */
export function jobPeriodKey(job: JobName, cron: CronSchedule, fireAt: number): string {
  return `${job}:${cron.periodOf(fireAt)}`;
}

/** Retry sweep in cron mode: failed periods are tried again at most this often. */
const SWEEP = '*/10 * * * *';

/**
 * Schedules the jobs and, before returning, runs each job's latest period that should have run
 * while the process was down (only fires after the job was first scheduled on this database count:
 * a first start catches up nothing). Every run is claimed in job_runs first: a period that is done
 * never runs again, one that failed or was interrupted runs again (up to deliver.jobMaxAttempts).
 */
export async function startSchedules(options: StartSchedulesOptions): Promise<Schedules> {
  const { config, clock } = options;
  const log = options.log ?? silentLogger;
  const runs = options.store.jobRuns;
  const entries = (Object.keys(options.jobs) as JobName[])
    .filter((job) => options.jobs[job] !== undefined)
    .map((job) => ({
      job,
      fn: options.jobs[job] as Job,
      cron: new CronSchedule(config.schedules[job], config.timezone),
      since: runs.scheduledSince(job, clock.now()),
    }));
  const inFlight = new Map<string, Promise<JobOutcome | undefined>>();
  let checkedUpTo = clock.now();

  async function execute(e: (typeof entries)[number], scheduledAt: number): Promise<JobOutcome | undefined> {
    const periodKey = jobPeriodKey(e.job, e.cron, scheduledAt);
    const now = clock.now();
    // The claim is what makes a period run once across processes; `run` keeps one per key in here.
    if (!runs.claim(periodKey, e.job, scheduledAt, now, config.deliver.jobMaxAttempts)) return undefined;
    log.info({ job: e.job, periodKey }, 'job started');
    try {
      const previousDoneAt = runs.lastDoneBefore(e.job, scheduledAt);
      await e.fn({ job: e.job, periodKey, scheduledAt, now, previousDoneAt });
      runs.finish(periodKey, { ok: true }, clock.now());
      log.info({ job: e.job, periodKey }, 'job done');
      return { job: e.job, periodKey, scheduledAt, status: 'done' };
    } catch (err) {
      const error = errorText(err, STORED_ERROR_CHARS);
      runs.finish(periodKey, { ok: false, error }, clock.now());
      log.error({ job: e.job, periodKey, err: error }, 'job failed');
      return { job: e.job, periodKey, scheduledAt, status: 'failed', error };
    }
  }

  function run(e: (typeof entries)[number], scheduledAt: number): Promise<JobOutcome | undefined> {
    const key = jobPeriodKey(e.job, e.cron, scheduledAt);
    const running = inFlight.get(key);
    if (running) return running.then(() => undefined);
    const promise = execute(e, scheduledAt).finally(() => inFlight.delete(key));
    inFlight.set(key, promise);
    return promise;
  }

  /** Each job's latest fire at or before `now` (and after it was first scheduled), if not yet done. */
  async function catchUp(now: number, tried: ReadonlySet<string> = new Set()): Promise<JobOutcome[]> {
    const outcomes: JobOutcome[] = [];
    for (const e of entries) {
      const latest = e.cron.latestFireAtOrBefore(now);
      if (latest === undefined || latest < e.since || tried.has(jobPeriodKey(e.job, e.cron, latest)))
        continue;
      const outcome = await run(e, latest);
      if (outcome) outcomes.push(outcome);
    }
    return outcomes;
  }

  const tasks: ScheduledTask[] = [];
  if ((options.timers ?? 'cron') === 'cron') {
    const guarded = (what: string, fn: () => Promise<unknown>) => async () => {
      try {
        await fn();
      } catch (err) {
        log.error({ what, err: (err as Error).message }, 'schedule tick failed');
      }
    };
    for (const e of entries) {
      const tick = guarded(e.job, async () => {
        const at = e.cron.latestFireAtOrBefore(clock.now() + 1000);
        if (at !== undefined && at >= e.since) await run(e, at);
      });
      tasks.push(schedule(e.cron.expression, tick, { timezone: config.timezone, name: `qingqun:${e.job}` }));
    }
    tasks.push(
      schedule(
        SWEEP,
        guarded('sweep', () => catchUp(clock.now())),
        { timezone: config.timezone },
      ),
    );
  }

  const startup = await catchUp(checkedUpTo);

  return {
    startup,
    async runDueJobs(now = clock.now()) {
      const due = entries
        .flatMap((e) => e.cron.firesBetween(Math.max(checkedUpTo, e.since - 1), now).map((at) => ({ e, at })))
        .sort((a, b) => a.at - b.at);
      checkedUpTo = Math.max(checkedUpTo, now);
      const outcomes: JobOutcome[] = [];
      for (const { e, at } of due) {
        const outcome = await run(e, at);
        if (outcome) outcomes.push(outcome);
      }
      // A period that just failed waits for the next call before it is tried again.
      outcomes.push(...(await catchUp(now, new Set(outcomes.map((o) => o.periodKey)))));
      return outcomes;
    },
    nextFire(after = clock.now()) {
      let best: { job: JobName; at: number } | undefined;
      for (const e of entries) {
        const at = e.cron.nextFireAfter(after);
        if (at !== undefined && (best === undefined || at < best.at)) best = { job: e.job, at };
      }
      return best;
    },
    periodKeyAt(job, at) {
      const e = entries.find((x) => x.job === job);
      const fire = e?.cron.latestFireAtOrBefore(at);
      return e && fire !== undefined ? jobPeriodKey(job, e.cron, fire) : undefined;
    },
    async stop() {
      for (const task of tasks) await task.destroy();
      await Promise.allSettled([...inFlight.values()]);
    },
  };
}
