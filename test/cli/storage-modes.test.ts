import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Store } from '../../src/store/store.js';
import { runCli } from './run-cli.js';

/**
 * Issue 13 items 10 and 11: files qingqun creates are private whatever the umask, and read-only or
 * unwritable storage gives one clear line, never a SqliteError or StoreError stack.
 */
const BIN = fileURLToPath(new URL('../../bin/qingqun.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'qingqun-modes-'));
const jsonl = join(dir, 'sim.jsonl');
const mode = (path: string) => statSync(path).mode & 0o777;

/** The CLI under a shell's umask (and, for root, optionally as the unprivileged user nobody). */
function runAs(args: string[], options: { umask?: string; nobody?: boolean } = {}) {
  const command = `umask ${options.umask ?? '022'}; exec "$@"`;
  const prefix = options.nobody ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups'] : [];
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('QINGQUN_')));
  const result = spawnSync('/bin/sh', ['-c', command, 'sh', ...prefix, process.execPath, BIN, ...args], {
    encoding: 'utf8',
    env: { ...clean, QINGQUN_LOG_LEVEL: 'warn', WECHATY_PUPPET: '' },
    timeout: 60_000,
    cwd: tmpdir(),
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Root ignores permissions: the read-only cases run as nobody when we are root and can. */
const canDropToNobody = process.getuid?.() === 0 && spawnSync('setpriv', ['--version']).status === 0;

beforeAll(() => {
  const sim = runCli(['simulate', '--groups', '10', '--weeks', '1', '--out', jsonl]);
  expect(sim.code, sim.stderr).toBe(0);
});

afterAll(() => {
  chmodSync(dir, 0o755);
  rmSync(dir, { recursive: true, force: true });
});

describe('files qingqun creates are private (0600, directories 0700)', () => {
  it('creates the database, its directory, WAL files and backups private under umask 022 and 000', () => {
    for (const umask of ['022', '000']) {
      const db = join(dir, `u${umask}`, 'nested', 'q.sqlite');
      const imported = runAs(['--db', db, 'import', jsonl], { umask });
      expect(imported.code, imported.stderr).toBe(0);
      expect(mode(db)).toBe(0o600);
      expect(mode(join(dir, `u${umask}`))).toBe(0o700);
      expect(mode(join(dir, `u${umask}`, 'nested'))).toBe(0o700);
      // SQLite gives -wal and -shm the database's mode: keep a connection open to see them.
      const store = new Store(db);
      store.db.prepare('SELECT COUNT(*) FROM messages').get();
      expect(mode(`${db}-wal`)).toBe(0o600);
      expect(mode(`${db}-shm`)).toBe(0o600);
      store.close();
      const copy = join(dir, `u${umask}`, 'copy.sqlite');
      const backup = runAs(['--db', db, 'backup', copy], { umask });
      expect(backup.code, backup.stderr).toBe(0);
      expect(mode(copy)).toBe(0o600);
    }
  });

  it('doctor warns about a database others can read, and is quiet when it is private', () => {
    const db = join(dir, 'u022', 'nested', 'q.sqlite');
    const quiet = runAs(['--db', db, 'doctor']);
    expect(quiet.code, quiet.stderr).toBe(0);
    expect(quiet.stdout).not.toContain('警告');
    chmodSync(db, 0o644);
    const warned = runAs(['--db', db, 'doctor']);
    expect(warned.code).toBe(0);
    expect(warned.stdout).toMatch(/警告：.*q\.sqlite 的权限是 0644.*chmod 600/);
    const json = JSON.parse(runAs(['--db', db, 'doctor', '--format', 'json']).stdout);
    expect(json.widePermissions).toContainEqual({ path: db, mode: '0644' });
    chmodSync(db, 0o600);
  });
});

describe.skipIf(!canDropToNobody)('read-only storage (as an unprivileged user)', () => {
  const ro = join(dir, 'readonly');
  const journal = join(ro, 'copy.sqlite');
  const wal = join(ro, 'wal.sqlite');
  const pendingWal = join(ro, 'pending.sqlite');

  beforeAll(() => {
    const db = join(dir, 'source.sqlite');
    expect(runAs(['--db', db, 'import', jsonl]).code).toBe(0);
    mkdirSync(ro);
    expect(runAs(['--db', db, 'backup', journal]).code).toBe(0);
    copyFileSync(db, wal); // still in WAL mode, without its -shm
    // And one whose -wal holds pages not yet in the file: a copy taken while a writer was busy.
    const busy = join(dir, 'busy.sqlite');
    copyFileSync(db, busy);
    const writer = new Database(busy);
    writer.pragma('wal_autocheckpoint = 0');
    writer.exec('CREATE TABLE pending (x)');
    copyFileSync(busy, pendingWal);
    copyFileSync(`${busy}-wal`, `${pendingWal}-wal`);
    writer.close();
    for (const f of [journal, wal, pendingWal, `${pendingWal}-wal`]) chmodSync(f, 0o644);
    chmodSync(ro, 0o555);
    chmodSync(dir, 0o755);
    writeFileSync(join(dir, 'readable.jsonl'), '');
  });

  it('reads a backup in a read-only directory (backups are in rollback-journal mode)', () => {
    for (const command of [['stats'], ['report', '--week', '2026-W44'], ['doctor']]) {
      const result = runAs(['--db', journal, ...command], { nobody: true });
      expect(result.code, `${command.join(' ')}: ${result.stderr}`).toBe(0);
    }
  });

  it('reads a cleanly closed WAL database in a read-only directory from a snapshot in memory', () => {
    const result = runAs(['--db', wal, 'report', '--week', '2026-W44'], { nobody: true });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('2026-W44');
  });

  it.each([
    [
      'a WAL database with pending pages in a read-only directory',
      () => ['--db', pendingWal, 'stats'],
      /目录只读.*-shm/,
    ],
    ['import into a database it cannot write', () => ['--db', journal, 'import', jsonl], /不能写入/],
    [
      'a new database in a read-only directory',
      () => ['--db', join(ro, 'new.sqlite'), 'import', jsonl],
      /没有权限/,
    ],
    ['forget in a database it cannot write', () => ['--db', journal, 'forget', 'x'], /不能写入/],
  ])('%s: one line, exit 1', (_name, args, says) => {
    const result = runAs(args(), { nobody: true });
    expect(result.stderr.trimEnd().split('\n'), result.stderr).toHaveLength(1);
    expect(result.stderr).toMatch(says);
    expect(result.stderr).not.toMatch(/^\s+at |SqliteError|StoreError/m);
    expect(result.code).toBe(1);
  });
});
