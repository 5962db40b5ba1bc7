import { spawnSync } from 'node:child_process';
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
