import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../bin/qingqun.js', import.meta.url));

/** Runs the real `qingqun` command in a child process (no QINGQUN_* from the developer's shell). */
export function runCli(args: string[], env: Record<string, string> = {}, timeout = 120_000) {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('QINGQUN_')));
  const result = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    env: { ...clean, QINGQUN_LOG_LEVEL: 'warn', WECHATY_PUPPET: '', ...env },
    timeout,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * runCli without blocking the event loop: for tests whose servers (SMTP, HTTP) live in the test
 * process and must answer the child.
 */
export function runCliAsync(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('QINGQUN_')));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { ...clean, QINGQUN_LOG_LEVEL: 'warn', WECHATY_PUPPET: '', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), 180_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}
