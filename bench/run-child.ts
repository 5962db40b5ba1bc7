import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** tsx's loader by absolute URL: a child may run in another directory (the PostgreSQL probe). */
const TSX = import.meta.resolve('tsx');

/**
 * Runs one benchmark step in a fresh child process (node + tsx, as the `qingqun` binary runs) and
 * returns the JSON object it prints as its last stdout line. A step measured alone in its own process
 * has its own peak RSS: every child reports `process.resourceUsage().maxRSS` (one method for every row).
 * Rejects when the child fails, with the end of its stderr.
 */
export function runChild<T>(
  script: string,
  args: readonly string[],
  nodeArgs: readonly string[] = [],
): Promise<T> {
  const path = fileURLToPath(new URL(script, import.meta.url));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeArgs, '--import', TSX, path, ...args], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => {
      stdout += s;
    });
    child.stderr.setEncoding('utf8').on('data', (s: string) => {
      stderr += s;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const last = stdout.trim().split('\n').pop() ?? '';
      if (code !== 0 || !last.startsWith('{')) {
        reject(new Error(`bench: ${script} ${args.join(' ')} exited with ${code}: ${stderr.slice(-2000)}`));
        return;
      }
      resolve(JSON.parse(last) as T);
    });
  });
}

/** This process's peak resident set size in MB (Linux reports maxRSS in KiB). */
export function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}

export interface CliRun {
  /** Wall time of the whole command, start-up included. */
  seconds: number;
  cpuSeconds: number;
  maxRssMb: number;
  stdout: string;
}

/**
 * Runs `qingqun ARGS` (src/cli/main.ts under tsx, as `npm run qingqun` does) with the peak-RSS
 * preload, for the rows measured through the user-facing command (PostgreSQL import, ship, report).
 */
export function runCli(args: readonly string[], env: NodeJS.ProcessEnv = {}, cwd = ROOT): Promise<CliRun> {
  const main = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url));
  const preload = new URL('./peak-rss-preload.ts', import.meta.url).href;
  const peakFile = join(mkdtempSync(join(tmpdir(), 'qingqun-bench-peak-')), 'peak.json');
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', TSX, '--import', preload, main, ...args], {
      cwd,
      env: { ...process.env, ...env, QINGQUN_BENCH_PEAK: peakFile },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => {
      stdout += s;
    });
    child.stderr.setEncoding('utf8').on('data', (s: string) => {
      stderr += s;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = (performance.now() - started) / 1000;
      try {
        if (code !== 0)
          throw new Error(`bench: qingqun ${args.join(' ')} exited with ${code}: ${stderr.slice(-2000)}`);
        const peak = JSON.parse(readFileSync(peakFile, 'utf8')) as { maxRssMb: number; cpuSeconds: number };
        resolve({ seconds, ...peak, stdout });
      } catch (error) {
        reject(error);
      } finally {
        rmSync(dirname(peakFile), { recursive: true, force: true });
      }
    });
  });
}
