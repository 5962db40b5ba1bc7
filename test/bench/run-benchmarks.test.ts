import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TINY_PLAN } from '../../bench/bench-plan.js';
import type { BenchResults } from '../../bench/bench-results.js';
import {
  formatTable,
  PROVINCE_ROW_IDS,
  postgresRowIds,
  ROW_IDS,
  resultRows,
  rowIdsOf,
  type TableRow,
} from '../../bench/results-table.js';
import { runBenchmarks } from '../../bench/run-benchmarks.js';

// A smoke test of the benchmark itself on a tiny workload: every measurement runs and yields a
// sane figure. It asserts nothing about speed (that is what the benchmark is for).
describe('runBenchmarks on a tiny plan', () => {
  let dir: string;
  let results: BenchResults;
  let rows: TableRow[];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'qingqun-bench-test-'));
    results = await runBenchmarks(TINY_PLAN, { dir });
    rows = resultRows(results);
  }, 300_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('has every row of the table, once, in order', () => {
    expect(rows.map((r) => r.id)).toEqual([...ROW_IDS]);
  });

  it('gives finite, non-negative figures', () => {
    for (const r of rows) {
      expect(Number.isFinite(r.value), r.id).toBe(true);
      expect(r.value, r.id).toBeGreaterThanOrEqual(0);
      if (r.cpuValue !== null) {
        expect(Number.isFinite(r.cpuValue), r.id).toBe(true);
        expect(r.cpuValue, r.id).toBeGreaterThanOrEqual(0);
      }
      expect(r.loadAverage, r.id).toBeGreaterThanOrEqual(0);
    }
  });

  it('measured the workloads it was asked for', () => {
    const { small, large } = results.workloads;
    expect(results.import.small.messages).toBe(small.messages);
    expect(results.import.large.messages).toBe(large.messages);
    expect(results.analysis.small.messages).toBe(small.messages);
    expect(results.analysis.large.messages).toBe(large.messages);
    expect(small.messages).toBeGreaterThan(TINY_PLAN.smallMessages * 0.8);
    expect(large.messages).toBeGreaterThan(small.messages);
    expect(results.live.serial.messages).toBe(TINY_PLAN.liveSerialMessages);
    expect(results.live.sustained.messages).toBe(TINY_PLAN.liveSustainedMessages);
    expect(results.live.notInserted).toBe(0);
    expect(results.dedupe.mixed.messages).toBe(TINY_PLAN.dedupeSample);
    for (const d of [results.dedupe.mixed, results.dedupe.candidates]) {
      expect(d.candidates).toBeLessThanOrEqual(d.messages);
      expect(d.texts).toBeLessThanOrEqual(d.candidates);
    }
    // Every message of the notices-only sample is a candidate.
    expect(results.dedupe.candidates.candidates).toBe(results.dedupe.candidates.messages);
  });

  it('keeps F1 scores and ratios in range', () => {
    for (const d of [results.dedupe.mixed, results.dedupe.candidates]) {
      for (const f1 of [
        d.fast.f1,
        d.allPairs.f1,
        d.allMessagePairs?.f1 ?? 0,
        d.agreement,
        d.agreementVsMessagePairs ?? 0,
      ]) {
        expect(f1).toBeGreaterThanOrEqual(0);
        expect(f1).toBeLessThanOrEqual(1);
      }
    }
    expect(results.analysis.large.maxRssMb).toBeGreaterThan(0);
    expect(results.import.large.ratio).toBeGreaterThan(0);
    expect(results.live.serial.p99Ms).toBeGreaterThanOrEqual(results.live.serial.p50Ms);
    expect(results.cores).toBeGreaterThan(0);
    expect(results.node).toMatch(/^v\d+/);
  });

  it('prints one line per row under a header', () => {
    const table = formatTable(rows).split('\n');
    expect(table).toHaveLength(rows.length + 2);
    expect(table[0]).toMatch(/^engine\s+measurement\s+workload\s+figure/);
    for (const [i, r] of rows.entries()) expect(table[i + 2]).toContain(r.measurement);
  });

  it('leaves only its own files in the given directory', () => {
    const names = readdirSync(dir);
    expect(names.some((n) => n.endsWith('.jsonl'))).toBe(true);
    expect(
      names.every((n) =>
        /^(workload-\d+\.(jsonl|truth\.json)|(small|large|live)\.sqlite(-wal|-shm)?)$/.test(n),
      ),
    ).toBe(true);
  });
});

// The flags of issue 18 on the tiny plan: the province week, duplicates on the whole large week and,
// when this checkout has the PostgreSQL store and the test server answers, the PostgreSQL rows.
describe('runBenchmarks on a tiny plan with --province --pg', () => {
  let dir: string;
  let results: BenchResults;
  let rows: TableRow[];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'qingqun-bench-test-'));
    results = await runBenchmarks(TINY_PLAN, {
      dir,
      province: true,
      postgres: process.env.QINGQUN_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    });
    rows = resultRows(results);
  }, 600_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('adds the province rows, then the PostgreSQL rows or says why they were not run', () => {
    const pg = results.postgres;
    expect(pg).toBeDefined();
    const parts = { store: pg?.import !== undefined, ship: pg?.ship !== undefined };
    expect(rows.map((r) => r.id)).toEqual([...ROW_IDS, ...PROVINCE_ROW_IDS, ...postgresRowIds(true, parts)]);
    expect(rowIdsOf(results)).toEqual(rows.map((r) => r.id));
    // What was not run is said.
    if (!parts.store) expect(pg?.skipped).toMatch(/\S/);
    if (pg?.ship) expect(pg.ship.messages).toBe(results.import.large.messages);
  });

  it('measured the province week and every notice candidate of the large week', () => {
    const province = results.province;
    expect(province).toBeDefined();
    if (!province) return;
    expect(province.import.messages).toBe(results.workloads.province?.messages);
    expect(province.analysis.messages).toBe(province.import.messages);
    expect(province.import.maxRssMb).toBeGreaterThan(0);
    expect(province.analysis.maxRssMb).toBeGreaterThan(0);
    const week = province.dedupeWeek;
    expect(week.candidates).toBe(week.messages);
    expect(week.candidates).toBeGreaterThanOrEqual(results.dedupe.candidates.candidates);
    expect(week.allMessagePairs).toBeNull();
    for (const f1 of [week.fast.f1, week.allPairs.f1, week.agreement]) {
      expect(f1).toBeGreaterThanOrEqual(0);
      expect(f1).toBeLessThanOrEqual(1);
    }
    for (const r of rows) expect(Number.isFinite(r.value), r.id).toBe(true);
  });
});
