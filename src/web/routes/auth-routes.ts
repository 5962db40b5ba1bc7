import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, Hono, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Config } from '../../config/schema.js';
import { clientAddress, type LoginLimiter, TOKEN_PREFIX_CHARS } from '../auth/login-limiter.js';
import type { SessionStore } from '../auth/session-store.js';
import { matchToken, type SupervisorKey } from '../auth/supervisor-keys.js';
import { requestLocale, safeNext } from '../request-options.js';
import { renderLogin } from '../views/login-view.js';
import type { DashboardEnv } from './dashboard-env.js';

export const SESSION_COOKIE = 'qingqun_session';

export interface AuthDeps {
  config: Config;
  keys: readonly SupervisorKey[];
  sessions: SessionStore;
  limiter: LoginLimiter;
  /** How long a login form's body may take to arrive (slow bodies are refused after it). */
  bodyTimeoutMs: number;
}

/**
 * The client's address for the login limiter (clientAddress: X-Forwarded-For counts only from a
 * configured trusted proxy); requests made without a socket (tests) share one key.
 */
function clientOf(c: Context, trustedProxies: readonly string[]): string {
  let peer: string | undefined;
  try {
    peer = getConnInfo(c).remote.address;
  } catch {
    return 'local';
  }
  return clientAddress(peer, c.req.header('x-forwarded-for'), trustedProxies);
}

/**
 * The login form, or null when its body does not arrive within `timeoutMs` or cannot be parsed.
 * A body over the size limit still ends in bodyLimit's 413.
 */
async function readForm(c: Context, timeoutMs: number): Promise<Record<string, unknown> | null> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), timeoutMs);
  });
  try {
    return await Promise.race([c.req.parseBody() as Promise<Record<string, unknown>>, late]);
  } catch (error) {
    if (error instanceof Error && error.name === 'BodyLimitError') throw error;
    return null;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * A form posted from another site is refused: Sec-Fetch-Site (sent by browsers) must not be
 * cross-site, and an Origin header, when sent, must name this host.
 */
function sameOrigin(c: Context): boolean {
  if (c.req.header('sec-fetch-site') === 'cross-site') return false;
  const origin = c.req.header('origin');
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === (c.req.header('host') ?? new URL(c.req.url).host);
  } catch {
    return false;
  }
}

/**
 * GET/POST /login (public) and POST /logout. A right token starts a new session (random id in an
 * HttpOnly, SameSite=Strict cookie), whatever the limiter says; a wrong one is answered 401, or 429
 * once its client (or its token's first characters) used up the attempts (LoginLimiter).
 * Neither the token nor the session id is ever logged.
 */
export function registerAuthRoutes(app: Hono<DashboardEnv>, deps: AuthDeps): void {
  const { config, sessions, limiter } = deps;
  const locale = (c: Context) => requestLocale(c, config.locale);

  app.get('/login', (c) =>
    c.html(renderLogin({ error: null, next: safeNext(c.req.query('next')) }, locale(c))),
  );

  app.post(
    '/login',
    bodyLimit({ maxSize: 16 * 1024, onError: (c) => c.text('413 Payload Too Large', 413) }),
    async (c) => {
      if (!sameOrigin(c)) return c.html(renderLogin({ error: 'badOrigin', next: '/' }, locale(c)), 403);
      // Charged now, before a byte of the body is read (LoginLimiter): slow bodies count while in flight.
      const attempt = limiter.begin(clientOf(c, config.web.trustedProxies));
      const form = await readForm(c, deps.bodyTimeoutMs);
      const tooMany = () => c.html(renderLogin({ error: 'tooMany', next: '/' }, locale(c)), 429);
      if (form === null)
        return attempt.limited
          ? tooMany()
          : c.html(renderLogin({ error: 'wrong', next: '/' }, locale(c)), 400);
      const next = safeNext(form.next);
      const token = typeof form.token === 'string' ? form.token.trim() : '';
      const access = token === '' ? null : matchToken(token, deps.keys);
      if (access === null) {
        const byToken = limiter.begin(`prefix:${token.slice(0, TOKEN_PREFIX_CHARS)}`);
        if (attempt.limited || byToken.limited) return tooMany();
        return c.html(renderLogin({ error: 'wrong', next }, locale(c)), 401);
      }
      // A right token is never refused, whoever else failed from the same address.
      attempt.succeed();
      sessions.delete(getCookie(c, SESSION_COOKIE));
      const session = sessions.create(access);
      setCookie(c, SESSION_COOKIE, session.id, {
        httpOnly: true,
        sameSite: 'Strict',
        secure: config.web.secureCookie,
        path: '/',
        maxAge: config.web.sessionMinutes * 60,
      });
      return c.redirect(next, 303);
    },
  );
}

/** Every route registered after this middleware needs a live session: pages are sent to the login page, the rest get 401. */
export function requireSession(deps: AuthDeps): MiddlewareHandler<DashboardEnv> {
  return async (c, next) => {
    const access = deps.sessions.get(getCookie(c, SESSION_COOKIE));
    if (access === null) {
      const url = new URL(c.req.url);
      const page =
        c.req.method === 'GET' &&
        !url.pathname.startsWith('/export/') &&
        !url.pathname.startsWith('/assets/') &&
        (c.req.header('accept') ?? '').includes('text/html');
      if (page) return c.redirect(`/login?next=${encodeURIComponent(url.pathname + url.search)}`, 302);
      return c.text('401 Unauthorized: log in at /login', 401);
    }
    c.set('access', access);
    await next();
  };
}

export function registerLogout(app: Hono<DashboardEnv>, deps: AuthDeps): void {
  app.post('/logout', (c) => {
    if (!sameOrigin(c)) return c.text('403 Forbidden', 403);
    deps.sessions.delete(getCookie(c, SESSION_COOKIE));
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.redirect('/login', 303);
  });
}
