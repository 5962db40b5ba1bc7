/**
 * A reader that stops early (`qingqun report --format json | head`) closes the command's stdout.
 * Unix tools end quietly then; qingqun used to print "internal error: write EPIPE". The report here
 * is larger than a pipe's buffer (64 KiB on Linux), so the command is still writing when the
 * reader goes away.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../fixtures/temp-dir.js';
import { runCli } from './run-cli.js';

const BIN = fileURLToPath(new URL('../../bin/qingqun.js', import.meta.url));
const dir = tempDir('qingqun-epipe-');
const db = join(dir, 'town.sqlite');

describe('a reader that closes stdout early', () => {
  beforeAll(() => {
    const town = join(dir, 'town.jsonl');
    expect(runCli(['simulate', '--seed', '3', '--out', town]).code).toBe(0);
    expect(runCli(['--db', db, 'import', town]).code).toBe(0);
  }, 120_000);

  it.each([
    ['report', '--week', '2026-W45', '--format', 'json'],
    ['digest', '--week', '2026-W45', '--dry-run'],
  ])(
    'ends `%s …` quietly with exit 0, not an internal error',
    (...args: string[]) => {
      const clean = Object.fromEntries(
        Object.entries(process.env).filter(([k]) => !k.startsWith('QINGQUN_')),
      );
      // What an operator types: the command piped into `head`, which reads ten bytes and exits.
      const command = `set -o pipefail; "$0" "$1" --db "$2" ${args.join(' ')} | head -c 10 > /dev/null`;
      const r = spawnSync('bash', ['-c', command, process.execPath, BIN, db], {
        encoding: 'utf8',
        env: { ...clean, QINGQUN_LOG_LEVEL: 'warn', WECHATY_PUPPET: '' },
        timeout: 120_000,
      });
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
    },
    120_000,
  );
});
