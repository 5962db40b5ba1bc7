import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../cli/run-cli.js';
import { pgReachable, testSchema } from './pg-test-server.js';

/** Each step runs the real CLI several times (seconds each on a busy machine). */
const SLOW = 600_000;

/**
 * THE equality of the engines (issue 18): a simulated town imported into SQLite and into PostgreSQL
 * gives byte-identical reports (every week, JSON) and stats, through the real CLI; imports are
 * idempotent and count duplicates and conflicts alike.
 */
describe.skipIf(!pgReachable)('SQLite and PostgreSQL give the same answers', () => {
  const schema = testSchema('equal');
  const dir = mkdtempSync(join(tmpdir(), 'qingqun-pg-equal-'));
  const town = join(dir, 'town.jsonl');
  const sqlite = join(dir, 'q.sqlite');
  const cli = (args: string[]) => runCli([...args, '--locale', 'en']);
  afterAll(() => schema.drop());

  beforeAll(() => {
    expect(cli(['simulate', '--seed', '7', '--groups', '30', '--weeks', '3', '--out', town]).code).toBe(0);
  }, SLOW);

  it(
    'imports the town with the same counts, and a second time as duplicates',
    () => {
      const first = [cli(['import', town, '--db', sqlite]), cli(['import', town, '--db', schema.url])];
      expect(first[0]?.code).toBe(0);
      expect(first[1]).toEqual(first[0]);
      expect(first[0]?.stdout).toMatch(/messages: \d+ imported/);
      const second = [cli(['import', town, '--db', sqlite]), cli(['import', town, '--db', schema.url])];
      expect(second[1]).toEqual(second[0]);
      expect(second[0]?.stdout).toMatch(/messages: 0 imported, 0 updated, \d+ duplicate, 0 rejected/);
    },
    SLOW,
  );

  it(
    'reports every week byte for byte alike, and the same stats',
    () => {
      for (const week of ['2026-W44', '2026-W45', '2026-W46']) {
        const s = cli(['report', '--db', sqlite, '--week', week, '--format', 'json']);
        const p = cli(['report', '--db', schema.url, '--week', week, '--format', 'json']);
        expect(s.code).toBe(0);
        expect(p.stdout).toBe(s.stdout);
      }
      const s = cli(['stats', '--db', sqlite, '--json']);
      expect(s.code).toBe(0);
      expect(cli(['stats', '--db', schema.url, '--json']).stdout).toBe(s.stdout);
    },
    SLOW,
  );

  it(
    'counts a conflicting copy (same id, other content) as SQLite does',
    async () => {
      const lines = readFileSync(town, 'utf8')
        .split('\n')
        .filter((l) => l.includes('"kind":"message"') && l.includes('"text"'));
      const original = JSON.parse(lines[0] as string) as { text: string };
      const changed = join(dir, 'changed.jsonl');
      writeFileSync(changed, `${JSON.stringify({ ...original, text: `${original.text}（改）` })}\n`);
      const s = cli(['import', changed, '--db', sqlite]);
      const p = cli(['import', changed, '--db', schema.url]);
      expect(s.stdout).toMatch(/messages: 0 imported, 0 updated, 0 duplicate, 1 rejected/);
      expect(p.stdout).toBe(s.stdout);
      expect(p.code).toBe(s.code);
      expect(p.stderr).toContain('already stored with different content');
    },
    SLOW,
  );

  it(
    'refuses a PostgreSQL URL where a local SQLite spool is meant, with one line, creating nothing',
    () => {
      const other = testSchema('refuse');
      const r = cli(['ship', '--db', other.url, '--to', other.url, '--account', 'a']);
      expect(r.code).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toContain('the local SQLite spool');
    },
    SLOW,
  );
});
