import { Hono } from 'hono';
import type { Config } from '../config/schema.js';
import type { Logger } from '../logging/logger.js';
import type { Store } from '../store/store.js';
import type { StoreReads } from '../store/store-reads.js';
import { LoginLimiter } from './auth/login-limiter.js';
import { SessionStore } from './auth/session-store.js';
import { supervisorKeys } from './auth/supervisor-keys.js';
import { DashboardSource } from './data/dashboard-source.js';
import { PageNotFound } from './pages/page-data.js';
import { requestLocale } from './request-options.js';
import { loadAssets, registerPrivateAssets, registerPublicAssets } from './routes/asset-routes.js';
import { type AuthDeps, registerAuthRoutes, registerLogout, requireSession } from './routes/auth-routes.js';
import type { DashboardEnv } from './routes/dashboard-env.js';
import { registerPageRoutes } from './routes/page-routes.js';
import { securityHeaders } from './routes/security-headers.js';
import { renderMessage } from './views/message-view.js';

export interface DashboardAppOptions {
  /** The SQLite store, or either engine behind the store contract (openStoreReads). */
  store: Store | StoreReads;
  config: Config;
  /** Errors are logged by name and route only (never request bodies, cookies or message text). */
  log?: Logger;
  /** The clock of sessions, the login limiter and the default week (tests). */
  now?: () => number;
  /** A data source to share (serveDashboard warms it); by default one is made for the store. */
  source?: DashboardSource;
  /** How long a login form's body may take to arrive; default 10 s. */
  loginBodyTimeoutMs?: number;
}

export type DashboardApp = Hono<DashboardEnv> & { source: DashboardSource };

/**
 * The supervisors' dashboard as a hono app (serve it with serveDashboard, or call `app.request()`
 * in tests). Read-only. Routes, in order: the login page and the stylesheet (public), then a
 * session check in front of everything else — logout, scripts, pages, exports and unknown paths.
 */
export function createDashboardApp(options: DashboardAppOptions): DashboardApp {
  const { store, config, log } = options;
  const now = options.now ?? Date.now;
  const source = options.source ?? new DashboardSource(store, config, now);
  const deps: AuthDeps = {
    config,
    keys: supervisorKeys(config),
    sessions: new SessionStore(config.web.sessionMinutes * 60_000, now),
    limiter: new LoginLimiter(10, 10 * 60_000, now),
    bodyTimeoutMs: options.loginBodyTimeoutMs ?? 10_000,
  };
  const assets = loadAssets();
  const app = new Hono<DashboardEnv>();

  app.use('*', securityHeaders);
  app.use('*', async (c, next) => {
    c.set('locale', requestLocale(c, config.locale));
    await next();
  });
  registerAuthRoutes(app, deps);
  registerPublicAssets(app, assets);
  app.use('*', requireSession(deps));
  registerLogout(app, deps);
  registerPrivateAssets(app, assets);
  registerPageRoutes(app, source);

  app.notFound((c) => c.html(renderMessage({ status: 404 }, requestLocale(c, config.locale)), 404));
  app.onError((error, c) => {
    const locale = requestLocale(c, config.locale);
    if (error instanceof PageNotFound) return c.html(renderMessage({ status: 404 }, locale), 404);
    log?.error({ error: error.name, route: c.req.routePath }, 'dashboard request failed');
    return c.html(renderMessage({ status: 500 }, locale), 500);
  });
  return Object.assign(app, { source });
}
