import { mkdtempSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { type ServerType, serve } from '@hono/node-server';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliContext } from '../../../src/cli/cli-context.js';
import { registerServeCommand } from '../../../src/cli/commands/serve-command.js';
import { configSchema } from '../../../src/config/schema.js';
import { importJsonl } from '../../../src/ingest/jsonl/import-jsonl.js';
import { type Logger, silentLogger } from '../../../src/logging/logger.js';
import { createStoragePolicy } from '../../../src/privacy/storage-policy.js';
import { openStoreReads, type StoreReads } from '../../../src/store/contract.js';
import { PG_APPLICATION_NAME, PgDatabase } from '../../../src/store/postgres/pg-database.js';
import { openStage } from '../../../src/store/postgres/pg-stage.js';
import type { PgStore } from '../../../src/store/postgres/pg-store.js';
import { Store } from '../../../src/store/store.js';
import { createDashboardApp, type DashboardApp } from '../../../src/web/create-dashboard-app.js';
import { trendPoint } from '../../../src/web/data/week-summary.js';
import { recommendStoredWeek } from '../../../src/weeks/stored-week.js';
import { memoryLogger } from '../../fixtures/memory-logger.js';
import {
  ALL_TOKEN,
  buildDashboardDb,
  dashboardConfig,
  EAST_TOKEN,
  EVIL_GROUP,
  NOW,
  TINY_GROUP,
} from '../../web/dashboard-fixture.js';
import { pgReachable, testSchema } from './pg-test-server.js';

/** Analysing the town's weeks on a busy machine, twice (once per engine). */
const SLOW = 300_000;
/** The fixture's import clock, used for both engines so that the stored rows are the same. */
const IMPORTED_AT = Date.parse('2027-01-01T00:00:00Z');

interface Served {
  app: DashboardApp;
  reads: StoreReads;
  server: ServerType;
  url: string;
  cookies: Map<string, string>;
}

/** The dashboard over `reads` on the real HTTP server (a free port on 127.0.0.1), logged in twice. */
async function serveOver(reads: StoreReads, db: string, log?: Logger): Promise<Served> {
  const app = createDashboardApp({ store: reads, config: dashboardConfig(db), now: () => NOW, log });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => (server.listening ? resolve() : server.once('listening', resolve)));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const cookies = new Map<string, string>();
  for (const token of [ALL_TOKEN, EAST_TOKEN]) {
    const res = await fetch(`${url}/login`, {
      method: 'POST',
      body: new URLSearchParams({ token, next: '/' }),
      redirect: 'manual',
    });
    expect(res.status).toBe(303);
    cookies.set(token, (res.headers.get('set-cookie') ?? '').split(';')[0] as string);
  }
  return { app, reads, server, url, cookies };
}

async function fetchFrom(s: Served, token: string, path: string) {
  const res = await fetch(`${s.url}${path}`, { headers: { cookie: s.cookies.get(token) as string } });
  return {
    status: res.status,
    type: res.headers.get('content-type'),
    disposition: res.headers.get('content-disposition'),
    body: Buffer.from(await res.arrayBuffer()).toString('utf8'),
  };
}

const enc = encodeURIComponent;
const PAGES = [
  '/',
  '/?week=2026-W45',
  '/?week=2026-W44',
  `/unit?u=${enc('党政办')}`,
  `/unit?u=${enc('东湖社区')}`,
  `/unit?u=${enc('经济发展办')}`,
  `/unit?u=${enc('经济发展办')}&week=2026-W46`,
  `/group?id=${enc('g-gongzuo@chatroom')}`,
  `/group?id=${enc('g-jingji@chatroom')}`,
  `/group?id=${enc(EVIL_GROUP)}`,
  `/group?id=${enc(TINY_GROUP)}`,
  '/notices',
  '/notices?week=2026-W46',
  '/recommendations',
  '/recommendations?status=accepted',
  '/members',
  '/plan',
  '/effects',
  '/effects?week=2026-W46',
  '/exports',
];

/**
 * `qingqun serve` on PostgreSQL (issue 18): the dashboard fixture's town (with its injections and its
 * group of three) imported into SQLite and into PostgreSQL with the same clock, one accepted merge
 * answered on both, and both dashboards served by the real HTTP server: every page, export and trend
 * gives the same bytes for both logins (the whole town and 东湖社区's supervisor). The pages are pure
 * functions of what they read, so equal bytes carry SQLite's tested privacy rules over; the rules the
 * fixture exercises are also checked on the PostgreSQL answers themselves.
 */
describe.skipIf(!pgReachable)('the dashboard on PostgreSQL', () => {
  const schema = testSchema('dash');
  let sqlite: Served;
  let postgres: Served;

  beforeAll(async () => {
    const db = await buildDashboardDb();
    const files = [join(dirname(db), 'sim.jsonl'), join(dirname(db), 'extras.jsonl')];
    // One accepted merge from W45 (followed on the effects page), answered on both engines alike.
    const writable = new Store(db);
    try {
      const merge = recommendStoredWeek(writable, dashboardConfig(db), '2026-W45').recommendations.find(
        (r) => r.kind === 'merge',
      );
      if (!merge) throw new Error('fixture: no merge in 2026-W45');
      writable.recommendations.setStatus({
        id: merge.id,
        ownerId: merge.ownerId,
        kind: merge.kind,
        groupIds: merge.groupIds,
        status: 'accepted',
        week: '2026-W45',
        magnitude: merge.magnitude,
        figures: merge.evidence.figures,
        at: Date.parse('2026-11-10T02:00:00Z'),
      });
    } finally {
      writable.close();
    }
    const pg = await PgDatabase.open(schema.url);
    try {
      // As `qingqun import` on PostgreSQL (a SQLite stage, then COPY), with the fixture's clock.
      const stage = await openStage(pg, createStoragePolicy(configSchema.parse({}), { bulk: true }));
      try {
        const summary = await importJsonl(stage.store, files, { now: IMPORTED_AT });
        expect(summary.rejected).toBe(0);
        await stage.transfer();
      } finally {
        stage.dispose();
      }
      const status = new Store(db, { readonly: true });
      try {
        const rows = status.sql
          .get(
            'SELECT id, owner_id, kind, group_ids, status, week, magnitude, figures, updated_at FROM recommendation_status',
          )
          .all() as Record<string, unknown>[];
        expect(rows).toHaveLength(1);
        for (const r of rows)
          await pg.client.query(
            `INSERT INTO recommendation_status (id, owner_id, kind, group_ids, status, week, magnitude, figures, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
            Object.values(r),
          );
      } finally {
        status.close();
      }
    } finally {
      await pg.close();
    }
    sqlite = await serveOver(await openStoreReads(db), db);
    postgres = await serveOver(await openStoreReads(schema.url), schema.url);
    expect(postgres.reads.engine).toBe('postgres');
  }, SLOW);

  afterAll(async () => {
    for (const s of [sqlite, postgres]) {
      if (!s) continue;
      if ('closeAllConnections' in s.server) s.server.closeAllConnections();
      await new Promise((resolve) => s.server.close(resolve));
      await s.reads.close();
    }
    await schema.drop();
  });

  it(
    'answers the first visit alike: the same page, with the same trend weeks left to the background',
    async () => {
      const s = await fetchFrom(sqlite, ALL_TOKEN, '/');
      const p = await fetchFrom(postgres, ALL_TOKEN, '/');
      expect(s.status).toBe(200);
      expect(s.body).toContain('还有 2 周的数据正在后台分析');
      expect(p).toEqual(s);
      await Promise.all([sqlite.app.source.settled(), postgres.app.source.settled()]);
      const later = await fetchFrom(postgres, ALL_TOKEN, '/');
      expect(later.body).not.toContain('正在后台分析');
      expect(later).toEqual(await fetchFrom(sqlite, ALL_TOKEN, '/'));
    },
    SLOW,
  );

  it(
    'serves every page and every export byte for byte alike, for both logins',
    async () => {
      let exportsCompared = 0;
      for (const token of [ALL_TOKEN, EAST_TOKEN]) {
        const exports = new Set<string>();
        const who = token === ALL_TOKEN ? 'town' : '东湖社区';
        for (const path of PAGES) {
          // The first visit of a week may leave trend weeks to the background: alike on both engines.
          const first = [await fetchFrom(sqlite, token, path), await fetchFrom(postgres, token, path)];
          expect(first[1], `${path} (${who}, first visit)`).toEqual(first[0]);
          await Promise.all([sqlite.app.source.settled(), postgres.app.source.settled()]);
          const s = await fetchFrom(sqlite, token, path);
          const p = await fetchFrom(postgres, token, path);
          expect(p, `${path} (${who})`).toEqual(s);
          if (s.status !== 200) continue;
          for (const m of s.body.matchAll(/href="(\/export\/[^"]+)"/g))
            exports.add((m[1] as string).replaceAll('&amp;', '&'));
        }
        expect(exports.size).toBeGreaterThan(10);
        for (const path of [...exports].sort()) {
          const s = await fetchFrom(sqlite, token, path);
          const p = await fetchFrom(postgres, token, path);
          expect(s.status, path).toBe(200);
          expect(p, path).toEqual(s);
          exportsCompared++;
        }
      }
      expect(exportsCompared).toBeGreaterThan(20);
      // The effects page follows the accepted merge: the audit's earlier weeks were read on PostgreSQL.
      const effects = JSON.parse((await fetchFrom(postgres, ALL_TOKEN, '/export/effects/effects.json')).body);
      expect(effects.rows.length).toBeGreaterThan(0);
    },
    SLOW,
  );

  it(
    'answers concurrent requests on a cold start, each page built from its own reads',
    async () => {
      // A second dashboard over its own connection, nothing analysed yet: every page at once.
      const cold = await serveOver(await openStoreReads(schema.url), schema.url);
      try {
        const paths = PAGES;
        const first = await Promise.all(paths.map((path) => fetchFrom(cold, ALL_TOKEN, path)));
        for (const [i, r] of first.entries()) expect([paths[i], r.status]).toEqual([paths[i], 200]);
        await cold.app.source.settled();
        const again = await Promise.all(paths.map((path) => fetchFrom(cold, ALL_TOKEN, path)));
        for (const [i, path] of paths.entries())
          expect(again[i], path).toEqual(await fetchFrom(sqlite, ALL_TOKEN, path as string));
      } finally {
        if ('closeAllConnections' in cold.server) cold.server.closeAllConnections();
        await new Promise((resolve) => cold.server.close(resolve));
        await cold.reads.close();
      }
    },
    SLOW,
  );

  it(
    'outlives its connection: a backend ended by pg_terminate_backend is replaced, the next page is the same',
    async () => {
      const log = memoryLogger();
      const own = await serveOver(await openStoreReads(schema.url, { log }), schema.url, log);
      try {
        const path = '/?week=2026-W45';
        await fetchFrom(own, ALL_TOKEN, path);
        await own.app.source.settled();
        const before = await fetchFrom(own, ALL_TOKEN, path);
        expect(before.status).toBe(200);
        // As an operator would, by the name qingqun's sessions carry (this dashboard's one only:
        // other tests' sessions share the server).
        const backend = async () =>
          (await (own.reads as PgStore).db.read<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]
            ?.pid;
        const pid = await backend();
        const ended = await schema.query<{ ok: boolean }>(
          `SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity
           WHERE datname = current_database() AND pid <> pg_backend_pid() AND application_name = $1 AND pid = $2`,
          [PG_APPLICATION_NAME, pid],
        );
        expect(ended).toEqual([{ ok: true }]);
        const after = await fetchFrom(own, ALL_TOKEN, path);
        expect(after).toEqual(before);
        const now = await backend();
        expect(now).not.toBe(pid);
        const sessions = await schema.query<{ name: string }>(
          'SELECT application_name AS name FROM pg_stat_activity WHERE pid = $1',
          [now],
        );
        expect(sessions).toEqual([{ name: PG_APPLICATION_NAME }]);
        // One line for the lost connection, none for a failed request; nothing about the query.
        expect(log.entries.map((e) => [e.level, e.msg])).toEqual([
          ['warn', 'PostgreSQL connection lost; the next statement reconnects'],
        ]);
        expect(log.entries[0]?.data.code).toBe('57P01');
      } finally {
        if ('closeAllConnections' in own.server) own.server.closeAllConnections();
        await new Promise((resolve) => own.server.close(resolve));
        await own.reads.close();
      }
    },
    SLOW,
  );

  it(
    'holds the privacy rules on PostgreSQL: nothing about fewer than 5 people, nothing outside the scope',
    async () => {
      const tiny = await fetchFrom(postgres, ALL_TOKEN, `/group?id=${enc(TINY_GROUP)}`);
      expect(tiny.body).toContain('本群成员不足 5 人');
      expect(tiny.body).not.toContain('data-chart=');
      const value = (label: string) =>
        new RegExp(`<span class="label">${label}</span><span class="value">([^<]*)</span>`).exec(
          tiny.body,
        )?.[1];
      expect(value('成员')).toBe('—');
      expect(value('消息')).toBe('—');
      // The other group of its unit is hidden too, so the tiny one cannot be worked out by subtraction.
      const unit = JSON.parse(
        (await fetchFrom(postgres, ALL_TOKEN, `/export/unit/groups.json?u=${enc('经济发展办')}`)).body,
      ) as { rows: { messages: number | null }[] };
      expect(unit.rows.length).toBeGreaterThan(1);
      for (const row of unit.rows) expect(row.messages).toBeNull();
      // 东湖社区's supervisor sees no other unit's groups by name, on any page or export.
      const outside = ['新浜镇机关工作群', '西苑社区工作群', '安全生产专班', 'g-gongzuo@chatroom', '城建办'];
      for (const path of [
        '/',
        '/notices',
        '/recommendations',
        '/members',
        '/plan',
        '/effects',
        '/exports',
        '/export/overview/units.csv',
        '/export/notices/deliveries.json',
        '/export/recommendations/recommendations.csv',
      ]) {
        const page = await fetchFrom(postgres, EAST_TOKEN, path);
        expect(page.status).toBe(200);
        for (const name of outside) expect(page.body, `${path}: ${name}`).not.toContain(name);
      }
      expect((await fetchFrom(postgres, EAST_TOKEN, `/group?id=${enc(EVIL_GROUP)}`)).status).toBe(404);
    },
    SLOW,
  );

  it(
    '`qingqun serve --db postgres://…` serves it until interrupted, and refuses a schema with nothing stored',
    async () => {
      const serveCli = (db: string) => {
        const lines: string[] = [];
        const context: CliContext = {
          config: dashboardConfig(db),
          log: silentLogger,
          out: (t) => lines.push(t),
        };
        const program = new Command('qingqun').exitOverride();
        registerServeCommand(program, () => context);
        return { lines, done: program.parseAsync(['node', 'qingqun', 'serve', '--port', '0']) };
      };
      const { lines, done } = serveCli(schema.url);
      for (let i = 0; i < 600 && lines.length === 0; i++) await new Promise((r) => setTimeout(r, 50));
      const url = /http:\/\/127\.0\.0\.1:\d+/.exec(lines[0] ?? '')?.[0];
      expect(url, lines.join('\n')).toBeDefined();
      const login = await fetch(`${url}/login`, {
        method: 'POST',
        body: new URLSearchParams({ token: ALL_TOKEN }),
        redirect: 'manual',
      });
      const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] as string;
      const page = await fetch(`${url}/`, { headers: { cookie } });
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('党政办');
      process.emit('SIGINT');
      await done;
      await expect(fetch(`${url}/login`)).rejects.toThrow();
      const empty = testSchema('dash_empty');
      try {
        await expect(serveCli(empty.url).done).rejects.toThrow(/empty database/);
        expect(
          await empty.query('SELECT 1 FROM information_schema.schemata WHERE schema_name = $1', [empty.name]),
        ).toEqual([]);
      } finally {
        await empty.drop();
      }
    },
    SLOW,
  );

  it(
    'drops only the weeks that a message stored meanwhile touches (dataStamp, earliestTimeAfter)',
    async () => {
      const source = postgres.app.source;
      const summary = (week: string) => source.build(() => source.summary(week));
      const messagesOf = async (week: string) => trendPoint(await summary(week), () => true, 5).messages;
      await source.refresh();
      const w44 = await summary('2026-W44');
      const w47 = await summary('2026-W47');
      const before = (await messagesOf('2026-W47')) as number;
      await source.refresh();
      expect(await summary('2026-W47')).toBe(w47);

      const late = join(mkdtempSync(join(tmpdir(), 'qingqun-pg-dash-')), 'late.jsonl');
      writeFileSync(
        late,
        `${JSON.stringify({
          kind: 'message',
          id: 'late-1',
          groupId: 'g-gongzuo@chatroom',
          senderId: 'u-0008',
          time: '2026-11-18T10:00:00+08:00',
          type: 'text',
          text: '收到',
        })}\n`,
      );
      const pg = await PgDatabase.open(schema.url);
      try {
        const stage = await openStage(pg, createStoragePolicy(configSchema.parse({}), { bulk: true }));
        try {
          await importJsonl(stage.store, [late], { now: IMPORTED_AT });
          await stage.transfer();
        } finally {
          stage.dispose();
        }
      } finally {
        await pg.close();
      }
      await source.refresh();
      expect(await summary('2026-W44')).toBe(w44);
      expect(await summary('2026-W47')).not.toBe(w47);
      expect(await messagesOf('2026-W47')).toBe(before + 1);
    },
    SLOW,
  );
});
