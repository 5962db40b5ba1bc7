/**
 * Issue 15: a second `npm start` on the same database must show only what that run sent. The
 * messages of the first run stay sent once (at-most-once queue) and are counted, not reprinted as
 * if sent again.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../fixtures/temp-dir.js';
import { runCli } from './run-cli.js';

const listed = (stdout: string) =>
  stdout
    .split('\n')
    .filter((l) => l.startsWith('──── '))
    .map((l) => l.slice(5).split(' → ')[0] as string);

describe('qingqun start, run twice on one database', () => {
  it('lists in the second run only the messages it sent, and counts the earlier ones', () => {
    const db = join(tempDir('qingqun-rerun-'), 'start.sqlite');
    const first = runCli(['--db', db, 'start']);
    expect(first.code, first.stderr).toBe(0);
    const firstKeys = listed(first.stdout);
    expect(firstKeys.length).toBeGreaterThan(5);
    expect(first.stdout).not.toContain('之前的运行中发出');

    const second = runCli(['--db', db, 'start']);
    expect(second.code, second.stderr).toBe(0);
    const secondKeys = listed(second.stdout);
    for (const key of secondKeys) expect(firstKeys, key).not.toContain(key);
    const m = /另有 (\d+) 条私信已在之前的运行中发出/.exec(second.stdout);
    expect(m, second.stdout.slice(-600)).not.toBeNull();
    expect(Number(m?.[1])).toBeGreaterThanOrEqual(
      firstKeys.filter((k) => k.startsWith('digest:') || k.startsWith('audit:')).length,
    );
    expect(second.stdout).toContain(`共 ${secondKeys.length} 条`);
  }, 300_000);
});
