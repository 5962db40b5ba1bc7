import { DateTime } from 'luxon';
import { getTasks } from 'node-cron';
import { afterEach, describe, expect, it } from 'vitest';
import { configSchema } from '../../src/config/schema.js';
import { systemClock } from '../../src/deliver/clock.js';
import { SimulatedClock } from '../../src/deliver/simulated-clock.js';
import {
  type JobContext,
  type JobName,
  type Schedules,
  startSchedules,
} from '../../src/deliver/start-schedules.js';
import { Store } from '../../src/store/store.js';
import { tempStorePath } from '../fixtures/temp-store.js';

const SH = 'Asia/Shanghai';
const at = (iso: string) => DateTime.fromISO(iso, { zone: SH }).toMillis();
const local = (ms: number) => DateTime.fromMillis(ms, { zone: SH }).toFormat("yyyy-MM-dd'T'HH:mm");
const ALL: JobName[] = ['weeklyDigest', 'supervisorAudit', 'dailyDigest', 'memberSnapshot', 'retentionPurge'];

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

/** One "process": a store on `path`, a simulated clock at `start`, jobs that record their runs. */
async function session(
  path: string,
  start: string,
  behaviour: Partial<Record<JobName, (ctx: JobContext) => unknown>> = {},
) {
  const store = new Store(path);
  const clock = new SimulatedClock(at(start));
  const ran: JobContext[] = [];
  const jobs = Object.fromEntries(
    ALL.map((job) => [
      job,
      async (ctx: JobContext) => {
        ran.push(ctx);
        await behaviour[job]?.(ctx);
      },
    ]),
  );
  const config = configSchema.parse({ deliver: { jobMaxAttempts: 3 } });
  const schedules = await startSchedules({ config, store, jobs, clock, timers: 'manual' });
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await schedules.stop();
    store.close();
  };
  cleanup.push(close);
  /** The process dies: nothing is stopped or finished, the database is simply closed. */
  const crash = () => {
    closed = true;
    store.close();
  };
  return { store, clock, ran, schedules, close, crash };
}

/** Steps the clock from fire to fire up to `end`, running what is due at each. */
async function fastForward(s: { clock: SimulatedClock; schedules: Schedules }, end: string) {
  for (let next = s.schedules.nextFire(); next && next.at <= at(end); next = s.schedules.nextFire()) {
    s.clock.advanceTo(next.at);
    await s.schedules.runDueJobs();
  }
  s.clock.advanceTo(at(end));
  await s.schedules.runDueJobs();
}

const keys = (ran: readonly JobContext[], job?: JobName) =>
  ran.filter((r) => !job || r.job === job).map((r) => r.periodKey);

describe('startSchedules on a simulated clock', () => {
  it('a fresh start catches nothing up; a week fast-forwarded runs every period once, in time order', async () => {
    const s = await session(tempStorePath(), '2026-11-22T12:00'); // a Sunday
    expect(s.schedules.startup).toEqual([]);
    await fastForward(s, '2026-11-29T12:00');
    expect(keys(s.ran, 'weeklyDigest')).toEqual(['weeklyDigest:2026-W48']);
    expect(keys(s.ran, 'supervisorAudit')).toEqual(['supervisorAudit:2026-W48']);
    expect(keys(s.ran, 'dailyDigest')).toEqual(
      ['22', '23', '24', '25', '26', '27', '28'].map((d) => `dailyDigest:2026-11-${d}`),
    );
    expect(keys(s.ran, 'memberSnapshot')).toHaveLength(7);
    expect(keys(s.ran, 'retentionPurge')).toHaveLength(7);
    const times = s.ran.map((r) => r.scheduledAt);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(local(s.ran.find((r) => r.job === 'weeklyDigest')?.scheduledAt as number)).toBe(
      '2026-11-23T09:00',
    );
    // Each run saw the clock at its fire time, and knows when its previous period was done.
    expect(s.ran.every((r) => r.now === r.scheduledAt)).toBe(true);
    const daily = s.ran.filter((r) => r.job === 'dailyDigest');
    expect(daily[0]?.previousDoneAt).toBeUndefined();
    expect(daily[3]?.previousDoneAt).toBe(daily[2]?.scheduledAt);
  });

  it('one runDueJobs call over a week does the same as stepping through it', async () => {
    const stepped = await session(tempStorePath(), '2026-11-22T12:00');
    await fastForward(stepped, '2026-11-29T12:00');
    const jumped = await session(tempStorePath(), '2026-11-22T12:00');
    jumped.clock.set(at('2026-11-29T12:00'));
    await jumped.schedules.runDueJobs();
    expect(keys(jumped.ran)).toEqual(keys(stepped.ran));
  });

  it('a restart never runs a done period again', async () => {
    const path = tempStorePath();
    const first = await session(path, '2026-11-22T12:00');
    await fastForward(first, '2026-11-24T12:00');
    await first.close();
    const second = await session(path, '2026-11-24T12:00');
    expect(second.schedules.startup).toEqual([]);
    await second.schedules.runDueJobs();
    expect(second.ran).toEqual([]);
    await fastForward(second, '2026-11-25T12:00');
    expect(keys(second.ran, 'weeklyDigest')).toEqual([]);
    expect(keys(second.ran, 'dailyDigest')).toEqual(['dailyDigest:2026-11-24']);
  });

  it('a period missed while the process was down runs at startup (the latest one of each job)', async () => {
    const path = tempStorePath();
    const first = await session(path, '2026-11-22T12:00');
    await first.close();
    // Down from Sunday noon until Tuesday 11:00: Monday's digest and audit were missed.
    const second = await session(path, '2026-11-24T11:00');
    expect(second.schedules.startup.map((o) => [o.periodKey, o.status, local(o.scheduledAt)])).toEqual([
      ['weeklyDigest:2026-W48', 'done', '2026-11-23T09:00'],
      ['supervisorAudit:2026-W48', 'done', '2026-11-23T09:30'],
      ['dailyDigest:2026-11-23', 'done', '2026-11-23T18:00'],
      ['memberSnapshot:2026-11-24', 'done', '2026-11-24T02:00'],
      ['retentionPurge:2026-11-24', 'done', '2026-11-24T03:30'],
    ]);
    // The caught-up run is told the time it should have run at, and the clock's time now.
    const digest = second.ran.find((r) => r.job === 'weeklyDigest');
    expect(digest?.now).toBe(at('2026-11-24T11:00'));
  });

  it('a failed period is tried again on later calls, up to jobMaxAttempts, and then left failed', async () => {
    let failures = 0;
    const s = await session(tempStorePath(), '2026-11-23T08:00', {
      weeklyDigest: () => {
        failures++;
        throw new Error('render failed');
      },
    });
    s.clock.set(at('2026-11-23T09:00'));
    const outcomes = await s.schedules.runDueJobs();
    expect(outcomes.find((o) => o.job === 'weeklyDigest')).toMatchObject({
      status: 'failed',
      error: 'render failed',
    });
    expect(failures).toBe(1);
    for (let i = 0; i < 4; i++) {
      s.clock.advance(600_000);
      await s.schedules.runDueJobs();
    }
    expect(failures).toBe(3);
    expect(s.store.jobRuns.get('weeklyDigest:2026-W48')).toMatchObject({
      status: 'failed',
      attempts: 3,
    });
  });

  it('a failed period that then succeeds is done and not run again', async () => {
    let calls = 0;
    const s = await session(tempStorePath(), '2026-11-23T08:00', {
      weeklyDigest: () => {
        calls++;
        if (calls === 1) throw new Error('puppet restarting');
      },
    });
    s.clock.set(at('2026-11-23T09:00'));
    await s.schedules.runDueJobs();
    s.clock.advance(60_000);
    const retry = await s.schedules.runDueJobs();
    expect(retry.filter((o) => o.job === 'weeklyDigest').map((o) => o.status)).toEqual(['done']);
    s.clock.advance(60_000);
    await s.schedules.runDueJobs();
    expect(calls).toBe(2);
  });

  it('a run interrupted by a crash is run again at the next start', async () => {
    const path = tempStorePath();
    const first = await session(path, '2026-11-23T08:00', { weeklyDigest: () => new Promise(() => {}) });
    first.clock.set(at('2026-11-23T09:00'));
    void first.schedules.runDueJobs();
    await expect.poll(() => keys(first.ran, 'weeklyDigest')).toEqual(['weeklyDigest:2026-W48']);
    expect(first.store.jobRuns.get('weeklyDigest:2026-W48')?.status).toBe('running');
    first.crash(); // the run never finishes

    const second = await session(path, '2026-11-23T09:05');
    expect(second.schedules.startup.filter((o) => o.job === 'weeklyDigest')).toMatchObject([
      { periodKey: 'weeklyDigest:2026-W48', status: 'done' },
    ]);
    expect(second.store.jobRuns.get('weeklyDigest:2026-W48')).toMatchObject({
      status: 'done',
      attempts: 2,
    });
  });

  it('tells the period key due at a time', async () => {
    const s = await session(tempStorePath(), '2026-11-25T12:00');
    expect(s.schedules.periodKeyAt('weeklyDigest', at('2026-11-25T12:00'))).toBe('weeklyDigest:2026-W48');
    expect(s.schedules.periodKeyAt('weeklyDigest', at('2026-11-23T08:59'))).toBe('weeklyDigest:2026-W47');
    expect(s.schedules.periodKeyAt('dailyDigest', at('2026-11-25T17:00'))).toBe('dailyDigest:2026-11-24');
    expect(s.schedules.nextFire(at('2026-11-25T12:00'))).toEqual({
      job: 'dailyDigest',
      at: at('2026-11-25T18:00'),
    });
  });
});

describe('startSchedules with node-cron timers', () => {
  it('registers one task per job plus the retry sweep, and removes them on stop', async () => {
    const store = new Store(tempStorePath());
    cleanup.push(() => store.close());
    const before = getTasks().size;
    const schedules = await startSchedules({
      config: configSchema.parse({}),
      store,
      jobs: { weeklyDigest: () => {}, dailyDigest: () => {} },
      clock: systemClock,
    });
    expect(getTasks().size).toBe(before + 3);
    expect(schedules.startup).toEqual([]);
    await schedules.stop();
    expect(getTasks().size).toBe(before);
  });
});
