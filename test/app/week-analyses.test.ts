/**
 * The one week-analysis service (src/weeks/week-analyses.ts): analyses a week once per data stamp,
 * shared by every caller, bounded; and queueing every owner's digest costs what one report costs
 * (issue 16, item 3), counted through the service's counters rather than timed.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildWeeklyOwnerDigests,
  outboxOnlyQueue,
  queueOwnerDigests,
} from '../../src/app/weekly-deliveries.js';
import { configSchema } from '../../src/config/schema.js';
import { importJsonl } from '../../src/ingest/jsonl/import-jsonl.js';
import { writeSimulation } from '../../src/ingest/simulate/write-simulation.js';
import type { Store } from '../../src/store/store.js';
import { analyseStoredWeek, earlierWeeks, recommendStoredWeek } from '../../src/weeks/stored-week.js';
import { WeekAnalyses } from '../../src/weeks/week-analyses.js';
import { openTempStore } from '../fixtures/temp-store.js';

let store: Store;
const config = configSchema.parse({});
const WEEK = '2026-W48';
const now = Date.parse('2026-12-07T09:00:00+08:00');

beforeAll(async () => {
  const path = join(mkdtempSync(join(tmpdir(), 'qingqun-weeks-')), 'sim.jsonl');
  await writeSimulation({ seed: 7, weeks: 3, start: '2026-11-09' }, path);
  store = openTempStore();
  await importJsonl(store, [path]);
});

describe('WeekAnalyses', () => {
  it('answers what the one-off functions answer, analysing each week once', async () => {
    const weeks = WeekAnalyses.forStore(store, config);
    const analysis = await weeks.analysis(WEEK);
    const recommendations = await weeks.recommendations(WEEK);
    const direct = recommendStoredWeek(store, config, WEEK, analyseStoredWeek(store, config, WEEK));
    expect(JSON.stringify(analysis.findings)).toBe(JSON.stringify(direct.analysis.findings));
    expect(recommendations).toEqual(direct.recommendations);
    // The week and the stored weeks of its evidence window, once each; one recommend().
    const first = { ...weeks.counts };
    const window = earlierWeeks(config, WEEK, store.messages.span());
    expect(window.length).toBeGreaterThan(0);
    expect(first).toEqual({ analyses: 1 + window.length, recommends: 1 });
    // Every later question — async or at once — is answered from what is kept.
    expect(await weeks.analysis(WEEK)).toBe(analysis);
    expect(weeks.analysisNow(WEEK)).toBe(analysis);
    expect(weeks.recommendationsNow(WEEK)).toBe(recommendations);
    expect(await Promise.all([weeks.recommendations(WEEK), weeks.recommendations(WEEK)])).toEqual([
      recommendations,
      recommendations,
    ]);
    expect(weeks.counts).toEqual(first);
  });

  it('keeps at most `max` analysed weeks, least recently used out', async () => {
    const weeks = WeekAnalyses.forStore(store, config, { max: 2 });
    await weeks.analysis('2026-W46');
    await weeks.analysis('2026-W47');
    await weeks.analysis('2026-W46');
    await weeks.analysis('2026-W48'); // pushes out W47, the least recently used
    expect(weeks.counts.analyses).toBe(3);
    await weeks.analysis('2026-W46');
    expect(weeks.counts.analyses).toBe(3);
    await weeks.analysis('2026-W47');
    expect(weeks.counts.analyses).toBe(4);
  });

  it('queues every owner digest for at most what one report costs', () => {
    // A report: the week analysed and recommended (cli report-command).
    const report = WeekAnalyses.forStore(store, config);
    report.analysisNow(WEEK);
    report.recommendationsNow(WEEK);
    // `qingqun digest`: every owner's digest built once, then exactly those digests queued.
    const digest = WeekAnalyses.forStore(store, config);
    const digests = buildWeeklyOwnerDigests(store, config, WEEK, { analyses: digest });
    expect(digests.length).toBeGreaterThan(3);
    const queued = queueOwnerDigests(store, config, outboxOnlyQueue(store, now), WEEK, now, { digests });
    expect(queued.recipients).toBe(digests.length);
    // The weekly job: builds and queues with the shared service, nothing analysed again.
    queueOwnerDigests(store, config, outboxOnlyQueue(store, now), WEEK, now, { analyses: digest });
    expect(digest.counts).toEqual(report.counts);
    expect(digest.counts.recommends).toBe(1);
  });
});

describe('one service per process', () => {
  it('the dashboard and delivery of `qingqun run` share one: a week the jobs analysed is not analysed again', async () => {
    const { createDelivery } = await import('../../src/app/create-delivery.js');
    const { DashboardSource } = await import('../../src/web/data/dashboard-source.js');
    const { SimulatedClock } = await import('../../src/deliver/simulated-clock.js');
    const { silentLogger } = await import('../../src/logging/logger.js');
    const shared = WeekAnalyses.forStore(store, config);
    const offline = async () => {
      throw new Error('offline');
    };
    const delivery = await createDelivery({
      store,
      config,
      sender: { sendText: offline, sendImage: offline },
      clock: new SimulatedClock(now),
      log: silentLogger,
      timers: 'manual',
      analyses: shared,
    });
    try {
      const dashboard = new DashboardSource(store, config, () => now, shared);
      expect(delivery.analyses).toBe(shared);
      expect(dashboard.weeks).toBe(shared);
      const analysis = await delivery.analyses.analysis(WEEK);
      const before = { ...shared.counts };
      expect(await dashboard.weeks.analysis(WEEK)).toBe(analysis);
      expect(shared.counts).toEqual(before);
      // Without one passed in, each makes its own (the one-process guarantee is the caller's).
      expect(new DashboardSource(store, config, () => now).weeks).not.toBe(shared);
    } finally {
      await delivery.stop();
    }
  });
});
