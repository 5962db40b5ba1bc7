import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

/**
 * Every operator mistake of issue 15 (items 1 and 2) through the real `qingqun` command: exactly one
 * line on stderr, in the configured language, no stack trace, the documented exit code
 * (docs/COMMANDS.md: 1 failure, 2 usage), and nothing created.
 */
const dir = mkdtempSync(join(tmpdir(), 'qingqun-mistakes-'));
const db = join(dir, 'ok.sqlite');
const jsonl = join(dir, 'sim.jsonl');
const notDb = join(dir, 'notes.txt');
const empty = join(dir, 'empty.sqlite');
const foreign = join(dir, 'foreign.sqlite');
const roster = join(dir, 'roster.csv');
const typo = join(dir, 'typo', 'qingqun.sqlite');
let busy: Server;
let busyPort = 0;

beforeAll(async () => {
  const sim = runCli(['simulate', '--groups', '10', '--weeks', '1', '--out', jsonl]);
  expect(sim.code, sim.stderr).toBe(0);
  const imported = runCli(['--db', db, 'import', jsonl]);
  expect(imported.code, imported.stderr).toBe(0);
  writeFileSync(notDb, 'these are notes, not a database\n'.repeat(200));
  writeFileSync(empty, '');
  const other = new Database(foreign);
  other.exec('CREATE TABLE invoices (id INTEGER PRIMARY KEY, amount REAL)');
  other.close();
  writeFileSync(roster, 'group_id,group_name,member_id,member_name\n');
  busy = createServer();
  await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
  busyPort = (busy.address() as { port: number }).port;
});

afterAll(async () => {
  await new Promise((resolve) => busy.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

interface Mistake {
  name: string;
  args: () => string[];
  env?: Record<string, string>;
  code: 1 | 2;
  /** A word of the expected line (in its language). */
  says: RegExp;
  /** Paths that must not exist afterwards. */
  creates?: () => string[];
}

const missingDir = () => join(dir, 'no-such-dir');

const MISTAKES: Mistake[] = [
  {
    name: 'serve on a busy port',
    args: () => ['--db', db, 'serve', '--port', String(busyPort)],
    code: 1,
    says: /端口 \d+ 已被占用/,
  },
  {
    name: 'backup onto an existing file',
    args: () => ['--db', db, 'backup', jsonl],
    code: 1,
    says: /已存在/,
  },
  {
    name: 'backup into a missing directory',
    args: () => ['--db', db, 'backup', join(missingDir(), 'b.sqlite')],
    code: 1,
    says: /不存在/,
    creates: () => [missingDir()],
  },
  { name: '--db naming a directory', args: () => ['--db', dir, 'stats'], code: 1, says: /不是数据库文件/ },
  { name: '--db naming a text file', args: () => ['--db', notDb, 'stats'], code: 1, says: /不是 SQLite/ },
  { name: 'doctor on a text file', args: () => ['--db', notDb, 'doctor'], code: 1, says: /不是 SQLite/ },
  { name: 'stats on an empty file', args: () => ['--db', empty, 'stats'], code: 1, says: /是空的/ },
  {
    name: "report on another program's database",
    args: () => ['--db', foreign, 'report', '--week', '2026-W44'],
    code: 1,
    says: /不是清群的/,
  },
  {
    name: 'import into another program’s database',
    args: () => ['--db', foreign, 'import', jsonl],
    code: 1,
    says: /不是清群的/,
  },
  {
    name: '--db under /proc (read)',
    args: () => ['--db', '/proc/qingqun-test/x.sqlite', 'stats'],
    code: 1,
    says: /没有数据库/,
  },
  {
    name: '--db under /proc (import)',
    args: () => ['--db', '/proc/qingqun-test.sqlite', 'import', jsonl],
    code: 1,
    says: /无法在 \/proc 中创建/,
  },
  {
    name: 'simulate --out into a missing directory',
    args: () => ['simulate', '--out', join(missingDir(), 'x.jsonl')],
    code: 1,
    says: /目录 .* 不存在/,
    creates: () => [missingDir()],
  },
  {
    name: 'export --out onto an existing file',
    args: () => ['--db', db, 'export', '--out', jsonl],
    code: 1,
    says: /不是目录/,
  },
  {
    name: 'export --out under /proc (used to spin at 100% CPU)',
    args: () => ['--db', db, 'export', '--out', '/proc/qingqun-export'],
    code: 1,
    says: /无法在 \/proc 中创建/,
  },
  {
    name: 'a puppet that is not installed',
    args: () => ['--db', join(dir, 'bot.sqlite'), 'start'],
    env: { WECHATY_PUPPET: 'wechaty-puppet-not-installed' },
    code: 1,
    says: /未安装/,
    creates: () => [join(dir, 'bot.sqlite')],
  },
  {
    name: 'a token puppet without its token',
    args: () => ['--db', join(dir, 'bot.sqlite'), 'start'],
    env: { WECHATY_PUPPET: 'wechaty-puppet-service' },
    code: 1,
    says: /WECHATY_PUPPET_SERVICE_TOKEN/,
    creates: () => [join(dir, 'bot.sqlite')],
  },
  {
    name: 'import --roster R FILE keeps FILE (a missing FILE is named)',
    args: () => ['--db', join(dir, 'new.sqlite'), 'import', '--roster', roster, join(dir, 'missing.jsonl')],
    code: 1,
    says: /missing\.jsonl 不存在/,
    creates: () => [join(dir, 'new.sqlite')],
  },
  ...(
    [
      ['stats'],
      ['report', '--week', '2026-W44'],
      ['digest', '--dry-run', '--week', '2026-W44'],
      ['digest', '--week', '2026-W44'],
      ['audit', '--week', '2026-W44'],
      ['serve', '--port', '0'],
      ['doctor'],
      ['export', '--out', join(dir, 'typo-export')],
      ['backup', join(dir, 'typo-backup.sqlite')],
      ['purge'],
      ['forget', 'someone'],
    ] as const
  ).map(
    (command): Mistake => ({
      name: `a mistyped --db for ${command.join(' ')}`,
      args: () => ['--db', typo, ...command],
      code: 1,
      says: /没有数据库 .*未创建任何文件/,
      creates: () => [join(dir, 'typo'), join(dir, 'typo-export'), join(dir, 'typo-backup.sqlite')],
    }),
  ),
  {
    name: 'a malformed week',
    args: () => ['--db', db, 'report', '--week', '2026-47'],
    code: 2,
    says: /ISO 周/,
  },
  { name: 'an unknown command', args: () => ['--db', db, 'stast'], code: 2, says: /没有 stast 这个命令/ },
  { name: 'an unknown option', args: () => ['--db', db, 'stats', '--jsno'], code: 2, says: /--jsno/ },
  { name: 'a missing argument', args: () => ['--db', db, 'backup'], code: 2, says: /缺少参数 <file>/ },
  {
    name: 'a missing required option',
    args: () => ['simulate'],
    code: 2,
    says: /缺少必需的选项 --out/,
  },
  { name: 'an unknown locale', args: () => ['--db', db, '--locale', 'fr', 'stats'], code: 2, says: /locale/ },
  {
    name: 'an unknown format',
    args: () => ['--db', db, 'report', '--format', 'pdf'],
    code: 2,
    says: /--format 的值不对/,
  },
  {
    name: 'a port out of range',
    args: () => ['--db', db, 'serve', '--port', '70000'],
    code: 2,
    says: /--port/,
  },
  {
    name: 'a simulation size out of range',
    args: () => ['simulate', '--groups', '3', '--out', join(dir, 'small.jsonl')],
    code: 2,
    says: /groups/,
    creates: () => [join(dir, 'small.jsonl')],
  },
  {
    name: 'an unknown log level',
    args: () => ['--db', db, '--log-level', 'loud', 'stats'],
    code: 2,
    says: /logLevel/,
  },
  {
    name: 'in English when asked: a mistyped --db',
    args: () => ['--db', typo, '--locale', 'en', 'stats'],
    code: 1,
    says: /^qingqun: no database at .*nothing was created\)$/,
    creates: () => [join(dir, 'typo')],
  },
  {
    name: 'in English from QINGQUN_LOCALE: an unknown command',
    args: () => ['stast'],
    env: { QINGQUN_LOCALE: 'en' },
    code: 2,
    says: /^qingqun: unknown command stast/,
  },
  { name: 'ship without a central store', args: () => ['--db', db, 'ship'], code: 2, says: /需要中心库地址/ },
  {
    name: 'ship without an account',
    args: () => ['--db', db, 'ship', '--to', 'postgres://postgres@127.0.0.1:1/none'],
    code: 2,
    says: /需要本机的账号名/,
  },
  {
    name: 'ship to a URL that is not PostgreSQL',
    args: () => ['--db', db, 'ship', '--to', 'http://central/', '--account', 'a'],
    code: 2,
    says: /--to 的值不对/,
  },
  {
    name: 'ship to an unreachable central store',
    args: () => ['--db', db, 'ship', '--to', 'postgres://u:secret@127.0.0.1:1/none', '--account', 'a'],
    code: 1,
    says: /^qingqun: 无法连接中心库 postgres:\/\/u:\*\*\*@127\.0\.0\.1:1\/none/,
  },
  {
    name: 'ship from a missing spool',
    args: () => ['--db', typo, 'ship', '--to', 'postgres://postgres@127.0.0.1:1/none', '--account', 'a'],
    code: 1,
    says: /没有数据库/,
    creates: () => [join(dir, 'typo')],
  },
];

describe('operator mistakes through the real CLI', () => {
  it.each(MISTAKES.map((m) => [m.name, m] as const))('%s', (_name, mistake) => {
    // SQLite's -wal and -shm come and go with every reader of ok.sqlite; everything else must stay.
    const listing = () => new Set(readdirSync(dir).filter((name) => !/-(wal|shm)$/.test(name)));
    const before = listing();
    const result = runCli(mistake.args(), mistake.env, 30_000);
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines, result.stderr).toHaveLength(1);
    expect(lines[0]).toMatch(/^qingqun: /);
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(lines[0]).toMatch(mistake.says);
    if (!mistake.env?.QINGQUN_LOCALE && !mistake.args().includes('en')) {
      expect(lines[0]).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(result.code, result.stderr).toBe(mistake.code);
    expect(result.stdout).toBe('');
    for (const path of mistake.creates?.() ?? []) expect(existsSync(path), path).toBe(false);
    expect(listing()).toEqual(before);
  });

  it('leaves another program’s database as it was', () => {
    const other = new Database(foreign, { readonly: true });
    const tables = other.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
    other.close();
    expect(tables).toEqual(['invoices']);
  });

  it('still works where nothing is wrong (the mistakes above are the only failures)', () => {
    mkdirSync(join(dir, 'exports'));
    const ok = runCli(['--db', db, 'export', '--out', join(dir, 'exports')]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(readdirSync(join(dir, 'exports')).length).toBe(10);
  });
});
