import type { Command } from 'commander';
import { openStoreReads } from '../../store/contract.js';
import { serveDashboard } from '../../web/serve-dashboard.js';
import type { CliContext } from '../cli-context.js';
import { integerFlag } from '../flags.js';

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
      const port = integerFlag('--port', flags.port, 0, 65535) ?? config.web.port;
      const host = flags.host ?? config.web.host;
      // Either engine (a SQLite file or a postgres:// URL), read-only (an older SQLite schema is
      // migrated once first); a missing database is refused. A lost PostgreSQL connection is logged
      // and replaced at the next read: the dashboard outlives a server restart.
      const store = await openStoreReads(config.db, { log });
      let running: Awaited<ReturnType<typeof serveDashboard>>;
      try {
        running = await serveDashboard({ store, config, port, host, log });
      } catch (error) {
        await store.close();
        throw error;
      }
      out(t.listening(running.url));
      if (config.web.tokens.length === 0) out(t.noLogins);
      if (!LOOPBACK.has(host)) out(t.exposed(host));
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      await running.close();
      await store.close();
    });
}
