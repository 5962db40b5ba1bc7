import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { Store } from '../../store/store.js';
import { serveDashboard } from '../../web/serve-dashboard.js';
import type { CliContext } from '../cli-context.js';

interface ServeFlags {
  port?: string;
  host?: string;
}

const TEXT = {
  'zh-CN': {
    listening: (url: string) => `清群督查看板已启动：${url}（按 Ctrl+C 停止）`,
    noLogins: '尚未配置登录令牌：请在 .env 中设置 QINGQUN_DASHBOARD_TOKENS（见 .env.example）。',
    exposed: (host: string) =>
      `注意：看板监听 ${host}，本机以外也能访问；请在前面加 HTTPS 代理并设置 web.secureCookie: true。`,
  },
  en: {
    listening: (url: string) => `qingqun dashboard at ${url} (Ctrl+C stops it)`,
    noLogins: 'No logins configured: set QINGQUN_DASHBOARD_TOKENS in .env (see .env.example).',
    exposed: (host: string) =>
      `Note: the dashboard listens on ${host}, reachable from other machines; put an HTTPS proxy in front and set web.secureCookie: true.`,
  },
} as const;

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/** `qingqun serve`: the supervisors' read-only dashboard (docs/DASHBOARD.md), until Ctrl+C. */
export function registerServeCommand(program: Command, context: () => CliContext): void {
  program
    .command('serve')
    .description(
      "the supervisors' read-only web dashboard (login with a token from QINGQUN_DASHBOARD_TOKENS)",
    )
    .option('--port <port>', 'TCP port (default web.port: 8080; 0 picks a free one)')
    .option('--host <host>', 'interface to bind (default web.host: 127.0.0.1)')
    .action(async (flags: ServeFlags) => {
      const { config, log, out } = context();
      const t = TEXT[config.locale];
      const port = flags.port === undefined ? config.web.port : Number(flags.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) {
        throw new RangeError(`--port: expected a port from 0 to 65535, got "${flags.port}"`);
      }
      const host = flags.host ?? config.web.host;
      if (!existsSync(config.db)) {
        throw new RangeError(
          `no database at ${config.db}: record or import messages first (qingqun start, qingqun import)`,
        );
      }
      // Bring the schema up to date once; the dashboard itself reads through a read-only connection.
      new Store(config.db).close();
      const store = new Store(config.db, { readonly: true });
      const running = await serveDashboard({ store, config, port, host, log });
      out(t.listening(running.url));
      if (config.web.tokens.length === 0) out(t.noLogins);
      if (!LOOPBACK.has(host)) out(t.exposed(host));
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      await running.close();
      store.close();
    });
}
