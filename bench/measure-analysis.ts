import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { AnalysisChildResult } from './analyse-week-child.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CHILD = fileURLToPath(new URL('./analyse-week-child.ts', import.meta.url));

/**
 * The weekly report of `week` in `dbPath`, computed in a fresh child process (node + tsx, as the
 * `qingqun` binary runs) so that its peak RSS is the analysis's own. Rejects when the child fails.
 */
export function measureAnalysis(
  dbPath: string,
  week: string,
  options: { phases?: boolean; nodeArgs?: string[] } = {},
): Promise<AnalysisChildResult> {
  const args = [
    ...(options.nodeArgs ?? []),
    '--import',
    'tsx',
    CHILD,
    dbPath,
    week,
    ...(options.phases ? ['--phases'] : []),
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
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
        reject(new Error(`bench: analysis child exited with ${code}: ${stderr.slice(-2000)}`));
        return;
      }
      resolve(JSON.parse(last) as AnalysisChildResult);
    });
  });
}
