import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchPlan } from './bench-plan.js';
import type { BenchResults, CommandMeasurement, Measured, PostgresResults } from './bench-results.js';
import { measureAnalysis } from './measure-analysis.js';
import { dedupeSample, measureDedupe } from './measure-dedupe.js';
import { measureDigestQueue } from './measure-digest-queue.js';
import { importInChild, measureImport, removeDatabase } from './measure-import.js';
import { measureLive } from './measure-live.js';
import {
  cliUnavailable,
  dropPostgresDatabases,
  freshPostgresDatabase,
  importIntoPostgres,
  reportWeek,
  serverUnavailable,
  shipSpool,
} from './postgres-engine.js';
import { type Workload, writeWorkload } from './write-workload.js';

export interface RunOptions {
  /** Progress lines (default: none). */
  log?: (line: string) => void;
  /** Where the workloads and databases go (default: a fresh temp dir, removed afterwards). */
  dir?: string;
  /** Add the province week (plan.provinceMessages) and duplicates on the whole large week. */
  province?: boolean;
  /** A PostgreSQL server URL (a user that may create databases): add the PostgreSQL rows. */
  postgres?: string;
}

const measured = <T extends object>(value: T): Measured<T> => ({ ...value, loadAverage: loadavg()[0] ?? 0 });

/**
 * Databases the PostgreSQL rows create (and drop at the end) on the `--pg` server; named after this
 * process, so two runs on one server (a benchmark and its test) never drop each other's.
 */
const PG_DATABASES = {
  small: `qingqun_bench_${process.pid}_small`,
  large: `qingqun_bench_${process.pid}_large`,
  province: `qingqun_bench_${process.pid}_province`,
  ship: `qingqun_bench_${process.pid}_ship`,
};

/**
 * Runs every measurement of the plan, one after another (never two at once: they would compete for
 * the same cores): simulate, import (+ the plain-insert limit), analyse each week in a child
 * process, record live through Wechaty, compare duplicate detection with all pairs; with `province`
 * the province week and duplicates on the whole large week; with `postgres` the PostgreSQL rows.
 */
export async function runBenchmarks(plan: BenchPlan, options: RunOptions = {}): Promise<BenchResults> {
  const log = options.log ?? (() => {});
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'qingqun-bench-'));
  mkdirSync(dir, { recursive: true });
  const started = performance.now();
  const [oneMinute = 0, fiveMinutes = 0, fifteenMinutes = 0] = loadavg();
  const loadAverageAtStart = { oneMinute, fiveMinutes, fifteenMinutes };
  try {
    log(`simulating ${plan.smallMessages} and ${plan.largeMessages} messages`);
    const small = await writeWorkload(dir, plan.smallMessages, plan.seed);
    const large = await writeWorkload(dir, plan.largeMessages, plan.seed);
    const db = { small: join(dir, 'small.sqlite'), large: join(dir, 'large.sqlite') };

    log('import, small');
    const importSmall = measured(await measureImport(small, db.small));
    log('import, large');
    const importLarge = measured(await measureImport(large, db.large));

    log('weekly analysis, small');
    const analysisSmall = measured(await measureAnalysis(db.small, small.week));
    log('weekly analysis, large');
    const analysisLarge = measured(await measureAnalysis(db.large, large.week));

    log('live recording');
    const live = measured(
      await measureLive(join(dir, 'live.sqlite'), {
        seed: plan.seed,
        serial: plan.liveSerialMessages,
        sustained: plan.liveSustainedMessages,
      }),
    );

    log('duplicate detection vs all pairs');
    const mixed = measured(measureDedupe(small, dedupeSample(small, db.small, plan.dedupeSample)));
    const candidates = measured(measureDedupe(large, dedupeSample(large, db.large, plan.dedupeSample, true)));

    let province: BenchResults['province'];
    let provinceWorkload: Workload | undefined;
    const provinceDb = join(dir, 'province.sqlite');
    if (options.province) {
      log('duplicate detection vs all pairs of texts, every notice candidate of the large week');
      const dedupeWeek = measured(
        measureDedupe(large, dedupeSample(large, db.large, Number.POSITIVE_INFINITY, true), {
          messagePairs: false,
        }),
      );
      log(`simulating ${plan.provinceMessages} messages (province)`);
      provinceWorkload = await writeWorkload(dir, plan.provinceMessages, plan.seed);
      log('import, province');
      removeDatabase(provinceDb);
      const imported = measured(await importInChild(provinceWorkload, provinceDb));
      log('weekly analysis, province');
      const analysis = measured(await measureAnalysis(provinceDb, provinceWorkload.week));
      province = { import: imported, analysis, dedupeWeek };
    }

    let postgres: BenchResults['postgres'];
    if (options.postgres) {
      const skipped = await serverUnavailable(options.postgres);
      if (skipped) log(`PostgreSQL rows not run: ${skipped}`);
      postgres = skipped
        ? { skipped }
        : await measurePostgres(options.postgres, {
            log,
            small,
            large,
            db,
            province: provinceWorkload && { workload: provinceWorkload, db: provinceDb },
          });
    }

    // Last: queueing writes the small database's outbox.
    log('digest queueing vs report, small');
    const digestQueue = measured(measureDigestQueue(db.small, small.week));

    return {
      plan,
      startedAt: new Date(Date.now() - (performance.now() - started)).toISOString(),
      node: process.version,
      cores: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      loadAverageAtStart,
      workloads: { small, large, ...(provinceWorkload ? { province: provinceWorkload } : {}) },
      import: { small: importSmall, large: importLarge },
      live,
      analysis: {
        small: analysisSmall,
        large: analysisLarge,
        ratio: analysisLarge.seconds / analysisSmall.seconds,
      },
      dedupe: { mixed, candidates },
      digestQueue,
      ...(province ? { province } : {}),
      ...(postgres ? { postgres } : {}),
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    if (!options.dir) rmSync(dir, { recursive: true, force: true });
  }
}

const command = (run: CommandMeasurement): Measured<CommandMeasurement> =>
  measured({ seconds: run.seconds, cpuSeconds: run.cpuSeconds, maxRssMb: run.maxRssMb });

/**
 * The PostgreSQL rows: each workload imported into a fresh database, the large (and province) week
 * reported from SQLite and from PostgreSQL through the same command (when the CLI has the PostgreSQL
 * store), the large database shipped as a spool. The databases are dropped afterwards.
 */
async function measurePostgres(
  url: string,
  w: {
    log: (line: string) => void;
    small: Workload;
    large: Workload;
    db: { small: string; large: string };
    province?: { workload: Workload; db: string };
  },
): Promise<PostgresResults> {
  const { log } = w;
  const dbUrl = (name: string) => Object.assign(new URL(url), { pathname: `/${name}` }).toString();
  try {
    const results: PostgresResults = {};
    const skipped = await cliUnavailable(url, w.small);
    if (skipped) {
      log(`PostgreSQL import and report rows not run: ${skipped}`);
      results.skipped = skipped;
    } else {
      const into = async (workload: Workload, name: string) => {
        log(`import into PostgreSQL, ${workload.messages} messages`);
        return measured(await importIntoPostgres(workload, await freshPostgresDatabase(url, name)));
      };
      const importSmall = await into(w.small, PG_DATABASES.small);
      const importLarge = await into(w.large, PG_DATABASES.large);
      const importProvince = w.province && (await into(w.province.workload, PG_DATABASES.province));
      results.import = {
        small: importSmall,
        large: importLarge,
        ...(importProvince ? { province: importProvince } : {}),
      };
      const both = async (sqlitePath: string, pgName: string, week: string) => {
        log(`qingqun report --week ${week}, SQLite then PostgreSQL`);
        const sqlite = command(await reportWeek(sqlitePath, week));
        const postgresql = command(await reportWeek(dbUrl(pgName), week));
        return { sqlite, postgresql };
      };
      const reportLarge = await both(w.db.large, PG_DATABASES.large, w.large.week);
      const reportProvince =
        w.province && (await both(w.province.db, PG_DATABASES.province, w.province.workload.week));
      results.report = { large: reportLarge, ...(reportProvince ? { province: reportProvince } : {}) };
    }
    log('ship the large database into PostgreSQL');
    const ship = await shipSpool(w.db.large, await freshPostgresDatabase(url, PG_DATABASES.ship));
    results.ship = measured({
      ...command(ship),
      messages: w.large.messages,
      rate: w.large.messages / ship.seconds,
    });
    return results;
  } finally {
    await dropPostgresDatabases(url, Object.values(PG_DATABASES));
  }
}
