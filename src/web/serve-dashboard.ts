import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Config } from '../config/schema.js';
import type { Logger } from '../logging/logger.js';
import type { Store } from '../store/store.js';
import type { StoreReads } from '../store/store-reads.js';
import type { WeekAnalyses } from '../weeks/week-analyses.js';
import { createDashboardApp } from './create-dashboard-app.js';
import { DashboardSource } from './data/dashboard-source.js';

export interface ServeDashboardOptions {
  /** The SQLite store, or either engine behind the store contract (openStoreReads). */
  store: Store | StoreReads;
  config: Config;
  /** Default config.web.port; 0 picks a free port. */
  port?: number;
  /** Default config.web.host (127.0.0.1). */
  host?: string;
  log?: Logger;
  /** The process's week-analysis service (`qingqun run` shares one with delivery); omitted, its own. */
  analyses?: WeekAnalyses;
  /** Analyse the trend weeks of the default week in the background after listening. Default true. */
  warm?: boolean;
}

export interface RunningDashboard {
  /** http://host:port, with the port actually bound. */
  url: string;
  port: number;
  /** Resolves when the trend weeks are analysed (at once when warm is false); never rejects. */
  warmed: Promise<void>;
  /** Stops analysing ahead, then closes the server and its connections. */
  close(): Promise<void>;
}

/**
 * Serves the dashboard on @hono/node-server until close(). Binds 127.0.0.1 unless told otherwise.
 * Logs the address and how many logins are configured — never a token.
 */
export async function serveDashboard(options: ServeDashboardOptions): Promise<RunningDashboard> {
  const { store, config, log } = options;
  const source = new DashboardSource(store, config, Date.now, options.analyses);
  const app = createDashboardApp({ store, config, log, source });
  const host = options.host ?? config.web.host;
  const server = serve({ fetch: app.fetch, port: options.port ?? config.web.port, hostname: host });
  await new Promise<void>((resolve, reject) => {
    if (server.listening) resolve();
    server.once('listening', () => resolve());
    server.once('error', reject);
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  log?.info({ url, logins: config.web.tokens.length }, 'dashboard listening');
  // info, not warn: `qingqun serve` says it to the operator in their language; at the default warn
  // level a JSON copy of the same sentence would follow it.
  if (config.web.tokens.length === 0)
    log?.info({}, 'no dashboard logins configured: set QINGQUN_DASHBOARD_TOKENS');
  const stop = new AbortController();
  const warmed =
    options.warm === false
      ? Promise.resolve()
      : (async () => {
          await new Promise((resolve) => setImmediate(resolve));
          if (stop.signal.aborted) return;
          await source.refresh();
          const weeks = await source.build(() => source.trendWeeks(source.defaultWeek()));
          await source.warm(weeks.reverse(), stop.signal);
        })().catch((error: Error) =>
          log?.warn({ error: error.name }, 'dashboard: analysing weeks ahead failed'),
        );
  return {
    url,
    port,
    warmed,
    close: async () => {
      stop.abort();
      await warmed;
      await new Promise<void>((resolve, reject) => {
        if ('closeAllConnections' in server) server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      });
    },
  };
}
