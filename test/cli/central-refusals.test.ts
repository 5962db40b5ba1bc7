/**
 * The commands with no meaning on the central PostgreSQL store (issue 18) refuse a postgres:// --db
 * through the real CLI with one line saying what to do instead: exit 2, no stack trace, nothing
 * created (the refusal comes before any connection, so no server is needed).
 */
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const DB = 'postgres://qq:secret-pw@127.0.0.1:1/central?schema=town';

const CASES: { args: string[]; zh: string; en: string }[] = [
  { args: ['start'], zh: 'start 在本机记录，不能直接写中心库', en: 'start records locally' },
  { args: ['run'], zh: 'run 在本机记录', en: 'run records locally' },
  { args: ['serve-webhook'], zh: 'serve-webhook 在本机记录', en: 'serve-webhook records locally' },
  { args: ['backup', 'copy.sqlite'], zh: 'pg_dump -n town -Fc', en: 'pg_dump -n town -Fc' },
  {
    args: ['outbox', 'requeue', 'k1'],
    zh: 'qingqun outbox requeue --db data/central-send.sqlite',
    en: 'run requeue where',
  },
  {
    args: ['outbox', 'cancel', 'k1'],
    zh: 'qingqun outbox cancel --db data/central-send.sqlite',
    en: 'run cancel where',
  },
];

describe('commands that refuse the central store say what to do instead', () => {
  for (const c of CASES) {
    it(c.args.join(' '), () => {
      for (const locale of ['zh-CN', 'en'] as const) {
        const r = runCli(['--db', DB, '--locale', locale, ...c.args]);
        expect(r.code, `${locale}: ${r.stderr}`).toBe(2);
        expect(r.stdout).toBe('');
        const lines = r.stderr.trimEnd().split('\n');
        expect(lines, r.stderr).toHaveLength(1);
        expect(lines[0]).toMatch(/^qingqun: /);
        expect(lines[0]).toContain(locale === 'en' ? c.en : c.zh);
        // The password never shows.
        expect(lines[0]).not.toContain('secret-pw');
      }
    }, 60_000);
  }
});
