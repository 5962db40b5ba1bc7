import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * Issue 15.7: qingqun is a real package. What `npm pack` ships, and the compiled JavaScript running
 * on its own: built here into a temporary directory laid out like an installed package (package.json
 * beside dist/, the dependencies reachable), so no dist/ is left in the checkout.
 */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const scratch = mkdtempSync(join(tmpdir(), 'qingqun-package-'));

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('the package', () => {
  it('needs no TypeScript loader at run time and ships no tests or benchmarks', () => {
    expect(Object.keys(pkg.dependencies)).not.toContain('tsx');
    expect(Object.keys(pkg.dependencies)).not.toContain('esbuild');
    expect(pkg.devDependencies.tsx).toBeDefined();
    const packed = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(packed.status, packed.stderr).toBe(0);
    const files = (JSON.parse(packed.stdout)[0].files as { path: string }[]).map((f) => f.path);
    expect(files).toContain('bin/qingqun.js');
    expect(files).toContain('package.json');
    for (const file of files) expect(file, file).toMatch(/^(bin|dist|docs|config)\/|^[^/]+$/);
    expect(files.filter((f) => /^(src|test|bench|scripts|eval)\//.test(f))).toEqual([]);
  });

  it('runs compiled: --version, the Chinese help, and a command with its assets', () => {
    const tsc = spawnSync(
      process.execPath,
      [
        join(ROOT, 'node_modules/typescript/bin/tsc'),
        '-p',
        join(ROOT, 'tsconfig.build.json'),
        '--outDir',
        join(scratch, 'dist'),
      ],
      { encoding: 'utf8' },
    );
    expect(tsc.status, tsc.stdout + tsc.stderr).toBe(0);
    cpSync(join(ROOT, 'src/web/assets'), join(scratch, 'dist/web/assets'), { recursive: true });
    cpSync(join(ROOT, 'package.json'), join(scratch, 'package.json'));
    symlinkSync(join(ROOT, 'node_modules'), join(scratch, 'node_modules'));
    const main = join(scratch, 'dist/cli/main.js');
    const run = (...args: string[]) =>
      spawnSync(process.execPath, [main, ...args], {
        encoding: 'utf8',
        cwd: scratch,
        env: { ...process.env, QINGQUN_LOCALE: '', QINGQUN_DB: '' },
      });
    expect(run('--version').stdout.trim()).toBe(pkg.version);
    const help = run('--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('用法：');
    const out = join(scratch, 's.jsonl');
    expect(run('simulate', '--groups', '10', '--weeks', '1', '--out', out).status).toBe(0);
    const db = join(scratch, 's.sqlite');
    expect(run('--db', db, 'import', out).status).toBe(0);
    const report = run('--db', db, 'report', '--week', '2026-W44');
    expect(report.status, report.stderr).toBe(0);
    expect(report.stdout).toContain('清群周报 2026-W44');
    expect(existsSync(join(scratch, 'dist/web/assets/style.css'))).toBe(true);
  });
});
