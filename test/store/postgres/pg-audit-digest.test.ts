import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStoreReads, SqliteStoreReads } from '../../../src/store/contract.js';
import { pullCentral } from '../../../src/store/postgres/central-outbox.js';
import { ensureCentralTables } from '../../../src/store/postgres/central-tables.js';
import { PgDatabase } from '../../../src/store/postgres/pg-database.js';
import { Store } from '../../../src/store/store.js';
import { runCli } from '../../cli/run-cli.js';
import { pgReachable, testSchema } from './pg-test-server.js';

/** Each step runs the real CLI several times (seconds each on a busy machine). */
const SLOW = 600_000;
const WEEK = '2026-W46';
const ACCOUNTS = ['acct-a', 'acct-b'] as const;

/**
 * audit and digest on a central PostgreSQL store (issue 18): a simulated town imported into SQLite
 * and into PostgreSQL gives the same audit in every format and scope and the same digests, through
 * the real CLI; queueing on PostgreSQL fills the central outbox under the local dedupe keys (a
 * second run queues nothing), records what each digest carries, and the hosts pull exactly what
 * local queueing would have put in their outbox.
 */
describe.skipIf(!pgReachable)('audit and digest on PostgreSQL', () => {
  const schema = testSchema('auditdigest');
  const dir = mkdtempSync(join(tmpdir(), 'qingqun-pg-audit-'));
  const town = join(dir, 'town.jsonl');
  const sqlite = join(dir, 'q.sqlite');
  const config = join(dir, 'config.yaml');
  const cli = (args: string[]) => runCli([...args, '--locale', 'en']);
  let units: string[] = [];
  let supervisor = '';
  afterAll(() => schema.drop());

  beforeAll(() => {
    expect(cli(['simulate', '--seed', '7', '--groups', '30', '--weeks', '3', '--out', town]).code).toBe(0);
    expect(cli(['import', town, '--db', sqlite]).code).toBe(0);
    expect(cli(['import', town, '--db', schema.url]).code).toBe(0);
    const audit = JSON.parse(cli(['audit', '--db', sqlite, '--week', WEEK, '--format', 'json']).stdout) as {
      units: { unit: string | null }[];
    };
    units = audit.units.map((u) => u.unit).filter((u): u is string => u !== null);
    // Two owners (contacts the hosts reach) as supervisors: one of every unit, one of the first.
    const owners = (
      JSON.parse(cli(['digest', '--db', sqlite, '--week', WEEK, '--dry-run', '--format', 'json']).stdout) as {
        ownerId: string;
      }[]
    ).map((d) => d.ownerId);
    writeFileSync(
      config,
      `org:\n  supervisors:\n    - id: ${owners[0]}\n      units: []\n    - id: ${owners[1]}\n      units: [${JSON.stringify(units[0])}]\n`,
    );
    supervisor = owners[1] as string;
  }, SLOW);

  it(
    'audits alike on both engines: every format, a unit, a supervisor, and refuses an unknown unit alike',
    () => {
      expect(units.length).toBeGreaterThan(1);
      const runs: string[][] = [
        ...['text', 'md', 'csv', 'json'].map((f) => ['--format', f]),
        ['--format', 'json', '--week', '2026-W45'],
        ['--unit', units[1] as string],
        ['--supervisor', supervisor, '--format', 'md', '--config', config],
        ['--unit', 'no-such-unit'],
      ];
      for (const args of runs) {
        const s = cli(['audit', '--db', sqlite, '--week', WEEK, ...args]);
        const p = cli(['audit', '--db', schema.url, '--week', WEEK, ...args]);
        expect(p.code, args.join(' ')).toBe(s.code);
        expect(p.stdout, args.join(' ')).toBe(s.stdout);
        expect(p.stderr, args.join(' ')).toBe(s.stderr);
      }
      // The last one is refused (a usage error naming the known units); the others print an audit.
      expect(cli(['audit', '--db', schema.url, '--week', WEEK, '--unit', 'no-such-unit']).code).toBe(2);
      expect(cli(['audit', '--db', schema.url, '--week', WEEK]).stdout).toContain(`qingqun audit ${WEEK}`);
    },
    SLOW,
  );

  it(
    'prints the same digests on both engines (text, JSON, one owner, the charts)',
    () => {
      const json = cli(['digest', '--db', sqlite, '--week', WEEK, '--dry-run', '--format', 'json']);
      expect(json.code).toBe(0);
      const digests = JSON.parse(json.stdout) as { ownerId: string; chart: { bytes: number } | null }[];
      expect(digests.length).toBeGreaterThan(1);
      expect(
        cli(['digest', '--db', schema.url, '--week', WEEK, '--dry-run', '--format', 'json']).stdout,
      ).toBe(json.stdout);
      const text = cli(['digest', '--db', sqlite, '--week', WEEK, '--dry-run']);
      expect(cli(['digest', '--db', schema.url, '--week', WEEK, '--dry-run']).stdout).toBe(text.stdout);
      const owner = (digests[0] as { ownerId: string }).ownerId;
      const charts = (db: string, out: string) =>
        cli([
          'digest',
          '--db',
          db,
          '--week',
          WEEK,
          '--dry-run',
          '--owner',
          owner,
          '--charts',
          join(dir, out),
        ]);
      const s = charts(sqlite, 'charts-s');
      const p = charts(schema.url, 'charts-p');
      expect(p.stdout.replaceAll('charts-p', 'charts-s')).toBe(s.stdout);
      const png = `${WEEK}-${owner}.png`;
      expect(readFileSync(join(dir, 'charts-p', png)).equals(readFileSync(join(dir, 'charts-s', png)))).toBe(
        true,
      );
    },
    SLOW,
  );

  it(
    'queues digests and audits into the central outbox once, records them as issued, and the hosts pull them',
    async () => {
      // The hosts: each group recorded by one of two accounts (as shipping would have claimed them).
      const central = await PgDatabase.open(schema.url, { mustExist: true });
      try {
        await ensureCentralTables(central.client);
        await central.query(
          `INSERT INTO group_assignments (group_id, account, claimed_at)
           SELECT id, CASE WHEN row_number() OVER (ORDER BY id) % 2 = 0 THEN 'acct-a' ELSE 'acct-b' END, 0
           FROM groups`,
        );

        const first = cli(['digest', '--db', schema.url, '--week', WEEK]);
        expect(first.code).toBe(0);
        const queued = Number(/queued (\d+) digests/.exec(first.stdout)?.[1]);
        expect(queued).toBeGreaterThan(1);
        const again = cli(['digest', '--db', schema.url, '--week', WEEK]);
        expect(again.stdout).toContain(`queued 0 digests for ${WEEK}; ${queued} already queued before`);

        const rows = (
          await central.query<{ dedupe_key: string; account: string }>(
            'SELECT dedupe_key, account FROM central_outbox ORDER BY dedupe_key',
          )
        ).rows;
        expect(rows.length).toBeGreaterThanOrEqual(queued);
        expect(rows.every((r) => r.dedupe_key.startsWith(`digest:${WEEK}:`))).toBe(true);
        const issued = await central.query<{ owner_id: string }>(
          'SELECT DISTINCT owner_id FROM digest_issues',
        );
        expect(issued.rows).toHaveLength(queued);
        // The same digests queued locally on SQLite: the hosts' pulls together hold exactly that outbox.
        const local = cli(['digest', '--db', sqlite, '--week', WEEK]);
        expect(local.stdout).toBe(first.stdout);
        const expected = new Store(sqlite, { readonly: true });
        const want = expected.outbox
          .list()
          .map((r) => [r.dedupeKey, r.recipientId, JSON.stringify(r.content)])
          .sort();
        expected.close();
        const got: string[][] = [];
        for (const account of ACCOUNTS) {
          const host = new Store(join(dir, `${account}.sqlite`));
          const pulled = await pullCentral(
            central.client,
            account,
            (items) => host.outbox.enqueue(items, 1),
            1,
          );
          expect(pulled.queued).toBe(pulled.pulled);
          expect(pulled.pulled).toBeGreaterThan(0);
          got.push(...host.outbox.list().map((r) => [r.dedupeKey, r.recipientId, JSON.stringify(r.content)]));
          host.close();
        }
        expect(got.sort()).toEqual(want);
        // The issued recommendations equal those local queueing recorded.
        const sqliteIssued = new SqliteStoreReads(new Store(sqlite, { readonly: true }));
        const localIssued = sqliteIssued.store.db
          .prepare('SELECT owner_id, number, recommendation_id FROM issued_recommendations ORDER BY 1, 2')
          .raw()
          .all();
        await sqliteIssued.close();
        const centralIssued = (
          await central.query(
            'SELECT owner_id, number, recommendation_id FROM issued_recommendations ORDER BY 1, 2',
          )
        ).rows.map((r) => Object.values(r));
        expect(centralIssued).toEqual(localIssued);

        // audit --send: each supervisor's audit queued centrally, once.
        const send = cli(['audit', '--db', schema.url, '--week', WEEK, '--send', '--config', config]);
        expect(send.code).toBe(0);
        expect(send.stdout).toBe(`queued 2 audits for ${WEEK}\n`);
        expect(cli(['audit', '--db', sqlite, '--week', WEEK, '--send', '--config', config]).stdout).toBe(
          send.stdout,
        );
        const audits = async () =>
          (await central.query("SELECT dedupe_key FROM central_outbox WHERE dedupe_key LIKE 'audit:%'")).rows
            .length;
        const n = await audits();
        expect(n).toBeGreaterThan(1);
        cli(['audit', '--db', schema.url, '--week', WEEK, '--send', '--config', config]);
        expect(await audits()).toBe(n);
      } finally {
        await central.close();
      }
    },
    SLOW,
  );
  it(
    'reads lifecycles, rosters and statuses alike, and follows an accepted recommendation alike',
    async () => {
      // An owner accepted one of the recommendations issued above, in the week before: the same
      // answer stored on both engines.
      const local = new Store(sqlite);
      const row = local.db
        .prepare(
          `SELECT owner_id AS ownerId, recommendation_id AS id, kind, group_ids AS groupIds, magnitude, figures
           FROM issued_recommendations ORDER BY owner_id, number LIMIT 1`,
        )
        .get() as {
        ownerId: string;
        id: string;
        kind: string;
        groupIds: string;
        magnitude: number;
        figures: string;
      };
      expect(row).toBeDefined();
      const answer = { ...row, status: 'accepted', week: '2026-W45', updatedAt: 1_700_000_000_000 };
      local.recommendations.setStatus({
        ...answer,
        status: 'accepted',
        groupIds: JSON.parse(row.groupIds) as string[],
        figures: JSON.parse(row.figures) as Record<string, number>,
        at: answer.updatedAt,
      });
      local.close();
      await schema.query(
        `INSERT INTO recommendation_status (id, owner_id, kind, group_ids, status, week, magnitude, figures, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [
          row.id,
          row.ownerId,
          row.kind,
          row.groupIds,
          'accepted',
          answer.week,
          row.magnitude,
          row.figures,
          answer.updatedAt,
        ],
      );

      const s = await openStoreReads(sqlite);
      const p = await openStoreReads(schema.url);
      try {
        expect(p.engine).toBe('postgres');
        const lifecycles = await s.groupLifecycles();
        expect(lifecycles.length).toBe(30);
        expect(await p.groupLifecycles()).toEqual(lifecycles);
        const statuses = await s.recommendationStatuses();
        expect(statuses).toHaveLength(1);
        expect(await p.recommendationStatuses()).toEqual(statuses);
        for (const at of [0, Date.parse('2026-11-03T00:00:00Z'), Date.parse('2026-11-16T00:00:00Z')]) {
          const sorted = (m: Map<string, string[]>) =>
            [...m].map(([g, list]) => [g, [...list].sort()] as const).sort((a, b) => (a[0] < b[0] ? -1 : 1));
          expect(sorted(await p.rostersAt(at))).toEqual(sorted(await s.rostersAt(at)));
        }
      } finally {
        await s.close();
        await p.close();
      }

      const a = cli(['audit', '--db', sqlite, '--week', WEEK, '--format', 'json']);
      expect((JSON.parse(a.stdout) as { effects: unknown[] }).effects).toHaveLength(1);
      expect(cli(['audit', '--db', schema.url, '--week', WEEK, '--format', 'json']).stdout).toBe(a.stdout);
    },
    SLOW,
  );
});
