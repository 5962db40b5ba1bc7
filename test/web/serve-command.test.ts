/** `qingqun serve` (src/cli/commands/serve-command.ts), run in-process through commander. */
import { Command } from 'commander';
import { afterEach, describe, expect, it } from 'vitest';
import type { CliContext } from '../../src/cli/cli-context.js';
import { registerServeCommand } from '../../src/cli/commands/serve-command.js';
import { createLogger } from '../../src/logging/create-logger.js';
import { tempStorePath } from '../fixtures/temp-store.js';
import { ALL_TOKEN, buildDashboardDb, dashboardConfig } from './dashboard-fixture.js';

const running: Promise<unknown>[] = [];

afterEach(async () => {
  if (running.length > 0) process.emit('SIGINT');
  await Promise.allSettled(running.splice(0));
});

function start(db: string, args: string[], web: Record<string, unknown> = {}) {
  const lines: string[] = [];
  const logged: string[] = [];
  const log = createLogger('info', {
    write: (s: string) => logged.push(s),
  } as unknown as NodeJS.WritableStream);
  const context: CliContext = { config: dashboardConfig(db, web), log, out: (t) => lines.push(t) };
  const program = new Command('qingqun').exitOverride();
  registerServeCommand(program, () => context);
  const done = program.parseAsync(['node', 'qingqun', 'serve', ...args]);
  running.push(done);
  return { lines, logged, done };
}

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 600 && !check(); i++) await new Promise((r) => setTimeout(r, 50));
}

describe('qingqun serve', () => {
  it('serves the dashboard on 127.0.0.1 until interrupted, logging no token', async () => {
    const db = await buildDashboardDb({ plain: true });
    const { lines, logged, done } = start(db, ['--port', '0']);
    await until(() => lines.length > 0);
    const url = /http:\/\/127\.0\.0\.1:\d+/.exec(lines[0] ?? '')?.[0];
    expect(url, lines.join('\n')).toBeDefined();
    expect((await fetch(`${url}/`)).status).toBe(401);
    const login = await fetch(`${url}/login`, {
      method: 'POST',
      body: new URLSearchParams({ token: ALL_TOKEN }),
      redirect: 'manual',
    });
    expect(login.status).toBe(303);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] as string;
    const page = await fetch(`${url}/`, { headers: { cookie } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('党政办');
    process.emit('SIGINT');
    await done;
    await expect(fetch(`${url}/login`)).rejects.toThrow();
    expect([...lines, ...logged].join('\n')).not.toContain(ALL_TOKEN);
    expect(logged.join('\n')).toContain('"logins":2');
  });

  it('says so when no login is configured', async () => {
    const db = await buildDashboardDb({ plain: true });
    const { lines } = start(db, ['--port', '0'], { tokens: [] });
    await until(() => lines.length > 1);
    expect(lines[1]).toContain('QINGQUN_DASHBOARD_TOKENS');
  });

  it.each([
    ['--port', 'http'],
    ['--port', '70000'],
    ['--port', '-1'],
  ])('refuses %s %s', async (...args) => {
    const { done } = start(tempStorePath(), args);
    // A usage error of the CLI's catalogue (exit 2), no longer a bare RangeError: issue 15.1 keeps
    // RangeError for bugs (src/cli/describe-error.ts).
    await expect(done).rejects.toMatchObject({ name: 'CliError', exitCode: 2, id: 'badOption' });
  });

  it('refuses a database that does not exist rather than creating an empty one', async () => {
    const { done } = start(tempStorePath(), ['--port', '0']);
    await expect(done).rejects.toThrow(/no database/);
  });
});
