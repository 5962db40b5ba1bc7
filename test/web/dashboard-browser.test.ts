import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Store } from '../../src/store/store.js';
import { type RunningDashboard, serveDashboard } from '../../src/web/serve-dashboard.js';
import { hasChromium, launchChromium, paintedPixels, watchPage } from './browser-fixture.js';
import {
  ALL_TOKEN,
  buildDashboardDb,
  dashboardConfig,
  EVIL_GROUP,
  XSS_IMG,
  XSS_SCRIPT,
} from './dashboard-fixture.js';

if (!hasChromium) {
  console.warn(
    'dashboard browser tests SKIPPED: /usr/bin/chromium is missing (apt-get install chromium; .ci/run installs it)',
  );
}

const enc = encodeURIComponent;
/** Each page and how many charts it draws. */
const PAGES: [string, number][] = [
  ['/?week=2026-W47', 2],
  [`/unit?u=${enc('党政办')}&week=2026-W47`, 4],
  [`/group?id=${enc('g-gongzuo@chatroom')}&week=2026-W47`, 3],
  ['/notices?week=2026-W47', 2],
  ['/recommendations?week=2026-W47', 1],
  ['/exports?week=2026-W47', 0],
];

describe.skipIf(!hasChromium)('the dashboard in headless Chromium', () => {
  let store: Store;
  let running: RunningDashboard;
  let browser: Browser;

  beforeAll(async () => {
    const db = await buildDashboardDb();
    store = new Store(db, { readonly: true });
    running = await serveDashboard({
      store,
      config: dashboardConfig(db),
      port: 0,
      host: '127.0.0.1',
      warm: false,
    });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await running?.close();
    store?.close();
  });

  const loggedIn = async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const problems = watchPage(page);
    await page.goto(`${running.url}/notices?week=2026-W47`);
    expect(new URL(page.url()).pathname).toBe('/login');
    await page.fill('input[name="token"]', ALL_TOKEN);
    await Promise.all([
      page.waitForURL(`${running.url}/notices?week=2026-W47`),
      page.click('button[type="submit"]'),
    ]);
    return { context, page, problems };
  };

  it('binds 127.0.0.1 and refuses a request without a session', async () => {
    expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    for (const path of ['/', '/export/overview/units.csv', '/assets/echarts.min.js']) {
      const res = await fetch(`${running.url}${path}`, { redirect: 'manual' });
      expect(res.status).toBe(401);
      expect(await res.text()).not.toContain('党政办');
    }
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${running.url}/group?id=${enc('g-gongzuo@chatroom')}`);
    expect(new URL(page.url()).pathname).toBe('/login');
    expect(await page.evaluate('document.body.innerText')).not.toContain('新浜镇机关工作群');
    await context.close();
  });

  it('does not log in with a wrong token', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${running.url}/login`);
    await page.fill('input[name="token"]', 'this-is-not-a-valid-token');
    await page.click('button[type="submit"]');
    await page.waitForSelector('.error');
    expect(await context.cookies()).toEqual([]);
    await context.close();
  });

  it('logs in and draws every page\u2019s charts, with no console errors', async () => {
    const { context, page, problems } = await loggedIn();
    const cookies = await context.cookies();
    expect(cookies).toEqual([
      expect.objectContaining({ name: 'qingqun_session', httpOnly: true, sameSite: 'Strict' }),
    ]);
    for (const [path, charts] of PAGES) {
      await page.goto(`${running.url}${path}`);
      const pixels = await paintedPixels(page);
      expect(pixels, path).toHaveLength(charts);
      for (const n of pixels) expect(n, path).toBeGreaterThan(500);
    }
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows the messages carrying <script> and an <img> injection as text, running nothing', async () => {
    const { context, page, problems } = await loggedIn();
    const text = (await page.evaluate('document.body.innerText')) as string;
    expect(text).toContain(XSS_SCRIPT);
    expect(text).toContain(XSS_IMG);
    expect(await page.evaluate('document.querySelectorAll("img").length')).toBe(0);
    await page.goto(`${running.url}/group?id=${enc(EVIL_GROUP)}&week=2026-W47`);
    expect(await page.evaluate('document.querySelector("h1").innerText')).toContain(`${XSS_IMG}工作群`);
    expect(await page.evaluate('document.querySelectorAll("img").length')).toBe(0);
    await page.goto(`${running.url}/?week=2026-W47`);
    await paintedPixels(page);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('changes the week from the picker and logs out', async () => {
    const { context, page, problems } = await loggedIn();
    await Promise.all([
      page.waitForURL(/week=2026-W45/),
      page.selectOption('select[name="week"]', '2026-W45'),
    ]);
    expect(await page.evaluate('document.querySelector("select[name=week]").value')).toBe('2026-W45');
    await Promise.all([page.waitForURL(/\/login$/), page.click('form.logout button')]);
    expect(problems).toEqual([]);
    const res = await page.goto(`${running.url}/export/overview/units.csv`);
    expect(res?.status()).toBe(401);
    await context.close();
  });
});
