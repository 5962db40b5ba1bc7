import { beforeAll, describe, expect, it } from 'vitest';
import { Store } from '../../src/store/store.js';
import { createDashboardApp } from '../../src/web/create-dashboard-app.js';
import {
  ALL_TOKEN,
  buildDashboardDb,
  dashboardConfig,
  EAST_TOKEN,
  exportJson,
  login,
  NOW,
} from './dashboard-fixture.js';

let dbPath: string;
let store: Store;

beforeAll(async () => {
  dbPath = await buildDashboardDb();
  store = new Store(dbPath, { readonly: true });
});

const newApp = (now: () => number = () => NOW) =>
  createDashboardApp({ store, config: dashboardConfig(dbPath), now });

/** Every route that serves data or code; none may answer without a session. */
const PROTECTED: [string, string][] = [
  ['GET', '/'],
  ['GET', '/?week=2026-W46&lang=en'],
  ['GET', '/unit?u=%E5%85%9A%E6%94%BF%E5%8A%9E'],
  ['GET', '/group?id=g-gongzuo%40chatroom'],
  ['GET', '/notices'],
  ['GET', '/recommendations?kind=merge'],
  ['GET', '/exports'],
  ['GET', '/export/overview/units.csv'],
  ['GET', '/export/notices/notices.json'],
  ['GET', '/export/group/findings.csv?id=g-gongzuo%40chatroom'],
  ['GET', '/assets/echarts.min.js'],
  ['GET', '/assets/dashboard.js'],
  ['GET', '/no-such-page'],
  ['POST', '/logout'],
];

/** Strings that only a page with data would contain. */
const DATA_MARKERS = ['新浜镇机关工作群', '党政办', 'echarts', 'g-gongzuo'];

describe('without a session', () => {
  it.each(PROTECTED)('%s %s is refused and shows no data', async (method, path) => {
    const app = newApp();
    for (const cookie of [undefined, 'qingqun_session=forged-session-id', 'qingqun_session=']) {
      const res = await app.request(path, { method, headers: cookie ? { cookie } : {} });
      expect(res.status).toBe(401);
      const body = await res.text();
      for (const marker of DATA_MARKERS) expect(body).not.toContain(marker);
    }
  });

  it('sends a browser asking for a page to the login page, remembering where it was going', async () => {
    const res = await newApp().request('/notices?week=2026-W46', { headers: { accept: 'text/html' } });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe(`/login?next=${encodeURIComponent('/notices?week=2026-W46')}`);
  });

  it('still refuses exports and scripts to a browser (401, not a redirect)', async () => {
    for (const path of ['/export/overview/units.csv', '/assets/echarts.min.js']) {
      const res = await newApp().request(path, { headers: { accept: 'text/html' } });
      expect(res.status).toBe(401);
    }
  });

  it('serves the login page and its stylesheet (and nothing else) to anyone', async () => {
    const app = newApp();
    const page = await app.request('/login');
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('name="token"');
    expect(html).not.toContain('/assets/dashboard.js');
    expect((await app.request('/assets/style.css')).status).toBe(200);
  });
});

describe('login', () => {
  it.each([
    ['a wrong token', 'not-the-right-token-at-all'],
    ['an empty token', ''],
    ['a prefix of a right token', ALL_TOKEN.slice(0, -1)],
    ['a right token with one more character', `${ALL_TOKEN}x`],
    ['a right token in other case', ALL_TOKEN.toUpperCase()],
  ])('fails with %s: 401, no cookie', async (_, token) => {
    const res = await newApp().request('/login', { method: 'POST', body: new URLSearchParams({ token }) });
    expect(res.status).toBe(401);
    expect(res.headers.get('set-cookie')).toBeNull();
    expect(await res.text()).toContain('令牌不正确');
  });

  it('with a right token sets an HttpOnly, SameSite=Strict session cookie holding a random id, not the token', async () => {
    const app = newApp();
    const res = await app.request('/login', {
      method: 'POST',
      body: new URLSearchParams({ token: ALL_TOKEN, next: '/notices?week=2026-W46' }),
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/notices?week=2026-W46');
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^qingqun_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).toContain('Path=/');
    expect(cookie).not.toContain(ALL_TOKEN);
    const again = await login(app, ALL_TOKEN);
    expect(again).not.toBe(cookie.split(';')[0]);
    const page = await app.request('/', { headers: { cookie: again } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('党政办');
  });

  it('never redirects off the site after login', async () => {
    for (const next of [
      'https://evil.example/',
      '//evil.example/',
      '/\\evil.example',
      'javascript:alert(1)',
    ]) {
      const res = await newApp().request('/login', {
        method: 'POST',
        body: new URLSearchParams({ token: ALL_TOKEN, next }),
      });
      expect(res.headers.get('location')).toBe('/');
    }
  });

  it('refuses a login form posted from another site', async () => {
    const res = await newApp().request('/login', {
      method: 'POST',
      headers: { origin: 'https://evil.example', host: '127.0.0.1:8080' },
      body: new URLSearchParams({ token: ALL_TOKEN }),
    });
    expect(res.status).toBe(403);
    expect(res.headers.get('set-cookie')).toBeNull();
  });

  // Issue 13 item 8 changed this: the right token used to be refused (429) too, which let anyone
  // behind the same proxy lock every supervisor out.
  it('answers 429 to wrong tokens after 10 from one client, but still accepts the right one', async () => {
    const app = newApp();
    for (let i = 0; i < 10; i++) {
      const res = await app.request('/login', {
        method: 'POST',
        body: new URLSearchParams({ token: `wrong-token-number-${i}` }),
      });
      expect(res.status).toBe(401);
    }
    const wrong = await app.request('/login', {
      method: 'POST',
      body: new URLSearchParams({ token: 'yet-another-wrong-token' }),
    });
    expect(wrong.status).toBe(429);
    expect(wrong.headers.get('set-cookie')).toBeNull();
    const res = await app.request('/login', {
      method: 'POST',
      body: new URLSearchParams({ token: ALL_TOKEN }),
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('set-cookie')).toContain('qingqun_session=');
  });
});

describe('sessions', () => {
  it('end at logout', async () => {
    const app = newApp();
    const cookie = await login(app, ALL_TOKEN);
    const out = await app.request('/logout', { method: 'POST', headers: { cookie } });
    expect(out.status).toBe(303);
    expect(out.headers.get('location')).toBe('/login');
    expect((await app.request('/', { headers: { cookie } })).status).toBe(401);
  });

  it('expire after web.sessionMinutes', async () => {
    let now = NOW;
    const app = newApp(() => now);
    const cookie = await login(app, ALL_TOKEN);
    now += 479 * 60_000;
    expect((await app.request('/exports', { headers: { cookie } })).status).toBe(200);
    now += 2 * 60_000;
    expect((await app.request('/exports', { headers: { cookie } })).status).toBe(401);
  });

  it('belong to one app: a session id of another dashboard is unknown', async () => {
    const cookie = await login(newApp(), ALL_TOKEN);
    expect((await newApp().request('/', { headers: { cookie } })).status).toBe(401);
  });
});

describe('a supervisor limited to 东湖社区', () => {
  it('sees the unit and its groups', async () => {
    const app = newApp();
    const cookie = await login(app, EAST_TOKEN);
    for (const path of [
      '/unit?u=%E4%B8%9C%E6%B9%96%E7%A4%BE%E5%8C%BA',
      '/group?id=g-donghu-gzq%40chatroom',
      '/group?id=g-donghu-wangge%40chatroom',
    ]) {
      expect((await app.request(path, { headers: { cookie } })).status).toBe(200);
    }
  });

  it.each([
    ['/group?id=g-gongzuo%40chatroom'],
    ['/group?id=g-xiyuan-gzq%40chatroom'],
    ['/group?id=no-such-group'],
    ['/unit?u=%E5%85%9A%E6%94%BF%E5%8A%9E'],
    ['/unit?u='],
    ['/export/group/findings.csv?id=g-gongzuo%40chatroom'],
    ['/export/unit/groups.json?u=%E5%85%9A%E6%94%BF%E5%8A%9E'],
  ])('cannot open %s (404, as for a page that does not exist)', async (path) => {
    const app = newApp();
    const cookie = await login(app, EAST_TOKEN);
    const res = await app.request(path, { headers: { cookie } });
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('新浜镇机关工作群');
  });

  it('sees no other unit or group by name on any page or export', async () => {
    const app = newApp();
    const cookie = await login(app, EAST_TOKEN);
    const others = ['新浜镇机关工作群', '西苑社区工作群', '安全生产专班', 'g-gongzuo@chatroom', '城建办'];
    for (const path of [
      '/',
      '/notices',
      '/recommendations',
      '/exports',
      '/export/overview/units.csv',
      '/export/notices/deliveries.json',
      '/export/recommendations/recommendations.csv',
    ]) {
      const res = await app.request(path, { headers: { cookie } });
      expect(res.status).toBe(200);
      const body = await res.text();
      for (const name of others) expect(body, `${path} shows ${name}`).not.toContain(name);
    }
    const units = await exportJson(app.request('/export/overview/units.json', { headers: { cookie } }));
    expect(units.rows.map((r) => r.unit)).toEqual(['东湖社区']);
    expect(units.scope).toEqual(['东湖社区']);
  });

  it('while the town office sees every unit', async () => {
    const app = newApp();
    const cookie = await login(app, ALL_TOKEN);
    const units = await exportJson(app.request('/export/overview/units.json', { headers: { cookie } }));
    expect(units.rows.length).toBeGreaterThan(5);
    expect(units.rows.map((r) => r.unit)).toContain('党政办');
    expect((await app.request('/group?id=g-gongzuo%40chatroom', { headers: { cookie } })).status).toBe(200);
  });
});
