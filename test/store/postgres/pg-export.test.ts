import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../cli/run-cli.js';
import { pgReachable, testSchema } from './pg-test-server.js';

const SLOW = 600_000;

/** Every file of an export directory, with exportedAt (the time of the run) blanked. */
function files(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir)
      .sort()
      .map((f) => [f, readFileSync(join(dir, f), 'utf8').replace(/"exportedAt":\d+/g, '"exportedAt":0')]),
  );
}

/**
 * `qingqun export` on PostgreSQL (issue 18): the ChatLab files of a town imported into PostgreSQL are
 * those of the same town in SQLite, byte for byte but for exportedAt, in JSON and JSONL, whole and
 * for chosen groups; an unknown group is named with exit 1 as on SQLite.
 */
describe.skipIf(!pgReachable)('qingqun export --db postgres://', () => {
  const schema = testSchema('export');
  const dir = mkdtempSync(join(tmpdir(), 'qingqun-pg-export-'));
  const town = join(dir, 'town.jsonl');
  const sqlite = join(dir, 'q.sqlite');
  const cli = (args: string[]) => runCli([...args, '--locale', 'en']);
  afterAll(() => schema.drop());

  beforeAll(() => {
    expect(cli(['simulate', '--seed', '11', '--groups', '12', '--weeks', '2', '--out', town]).code).toBe(0);
    expect(cli(['import', town, '--db', sqlite]).code).toBe(0);
    expect(cli(['import', town, '--db', schema.url]).code).toBe(0);
  }, SLOW);

  it(
    'writes the same files as SQLite, JSON and JSONL',
    () => {
      for (const layout of [[], ['--jsonl']]) {
        const name = layout.length ? 'jsonl' : 'json';
        const s = cli(['export', '--db', sqlite, '--out', join(dir, `s-${name}`), ...layout]);
        const p = cli(['export', '--db', schema.url, '--out', join(dir, `p-${name}`), ...layout]);
        expect(s.code).toBe(0);
        expect(s.stdout).toMatch(/^exported 12 groups, [1-9]\d* messages to /);
        expect(p.code).toBe(0);
        expect(p.stdout.replace(`p-${name}`, `s-${name}`)).toBe(s.stdout);
        const expected = files(join(dir, `s-${name}`));
        expect(Object.keys(expected)).toHaveLength(12);
        expect(files(join(dir, `p-${name}`))).toEqual(expected);
      }
    },
    SLOW,
  );

  it(
    'exports chosen groups alike and names an unknown one with exit 1',
    () => {
      const first = JSON.parse(
        readFileSync(join(dir, 's-json', readdirSync(join(dir, 's-json')).sort()[0] as string), 'utf8'),
      ) as { meta: { groupId: string } };
      const ids = [first.meta.groupId, 'no-such-group'];
      const s = cli(['export', '--db', sqlite, '--out', join(dir, 's-some'), '--group', ...ids]);
      const p = cli(['export', '--db', schema.url, '--out', join(dir, 'p-some'), '--group', ...ids]);
      expect(s.code).toBe(1);
      expect(p.code).toBe(1);
      expect(p.stderr).toBe(s.stderr);
      expect(p.stderr).toContain('no-such-group');
      expect(files(join(dir, 'p-some'))).toEqual(files(join(dir, 's-some')));
      expect(Object.keys(files(join(dir, 'p-some')))).toHaveLength(1);
    },
    SLOW,
  );
});
