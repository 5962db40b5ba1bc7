import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Store } from '../../src/store/store.js';
import { createDashboardApp, type DashboardApp } from '../../src/web/create-dashboard-app.js';
import { type RunningDashboard, serveDashboard } from '../../src/web/serve-dashboard.js';
import { supervisorAuditNow } from '../../src/weeks/build-supervisor-audit.js';
import { recommendStoredWeek } from '../../src/weeks/stored-week.js';
import { hasChromium, launchChromium, paintedPixels, watchPage } from './browser-fixture.js';
import {
  ALL_TOKEN,
  buildDashboardDb,
  dashboardConfig,
  EAST_TOKEN,
  exportJson,
  login,
  NOW,
  WEEK,
} from './dashboard-fixture.js';

let db: string;
let store: Store;
let app: DashboardApp;
let cookie: string;

beforeAll(async () => {
  db = await buildDashboardDb({ plain: true });
  // One accepted merge from W45, followed on the effects page.
  const writable = new Store(db);
  try {
    const config = dashboardConfig(db);
    const merge = recommendStoredWeek(writable, config, '2026-W45').recommendations.find(
      (r) => r.kind === 'merge',
    );
    if (!merge) throw new Error('fixture: no merge in 2026-W45');
    writable.recommendations.setStatus({
      id: merge.id,
      ownerId: merge.ownerId,
      kind: merge.kind,
      groupIds: merge.groupIds,
      status: 'accepted',
      week: '2026-W45',
      magnitude: merge.magnitude,
      figures: merge.evidence.figures,
      at: Date.parse('2026-11-10T02:00:00Z'),
    });
  } finally {
    writable.close();
  }
  store = new Store(db, { readonly: true });
  app = createDashboardApp({ store, config: dashboardConfig(db), now: () => NOW });
  cookie = await login(app, ALL_TOKEN);
}, 120_000);

afterAll(() => store?.close());

const get = (path: string, c = cookie) => app.request(path, { headers: { cookie: c } });
const text = async (path: string, c = cookie) => {
  const res = await get(path, c);
  expect(res.status, path).toBe(200);
  return res.text();
};

describe('consolidation pages (groups per member, the plan, the effect)', () => {
  it('show the audit’s figures: groups per member per unit, the plan, the effect', async () => {
    const audit = supervisorAuditNow(store, dashboardConfig(db), WEEK);
    const members = await exportJson(get(`/export/members/groupsPerMember.json?week=${WEEK}`));
    expect(members.rows).toHaveLength(audit.groupsPerMember?.units.length ?? -1);
    const dangzheng = members.rows.find((r) => r.unit === '党政办');
    const expected = audit.groupsPerMember?.units.find((u) => u.unit === '党政办');
    expect(dangzheng).toMatchObject({
      members: expected?.members,
      medianGroups: expected?.median,
      p90Groups: expected?.p90,
      overLimit: expected?.overLimit,
    });
    const plan = await exportJson(get(`/export/plan/plan.json?week=${WEEK}`));
    const total = plan.rows[plan.rows.length - 1];
    expect(total).toMatchObject({ groupsNow: audit.plan?.groupsNow, groupsAfter: audit.plan?.groupsAfter });
    expect(Number(total?.groupsAfter)).toBeLessThan(Number(total?.groupsNow));
    const effects = await exportJson(get(`/export/effects/effects.json?week=${WEEK}`));
    expect(effects.rows.map((r) => r.week)).toEqual(['2026-W45', '2026-W46', WEEK]);
    expect(effects.rows.every((r) => r.effectState === 'not-carried-out')).toBe(true);
    const html = await text(`/effects?week=${WEEK}`);
    expect(html).toContain('采纳两周后仍未落实');
  });

  it('name no member and rank nobody', async () => {
    const names = store.db
      .prepare('SELECT name FROM contacts WHERE length(name) >= 2')
      .pluck()
      .all() as string[];
    expect(names.length).toBeGreaterThan(100);
    for (const path of ['/members', '/plan', '/effects']) {
      const html = await text(`${path}?week=${WEEK}`);
      expect(
        names.filter((n) => html.includes(n)),
        path,
      ).toEqual([]);
    }
  });

  it('keep a supervisor to their units', async () => {
    const east = await login(app, EAST_TOKEN);
    const members = await exportJson(get(`/export/members/groupsPerMember.json?week=${WEEK}`, east));
    expect(members.rows.map((r) => r.unit)).toEqual(['东湖社区']);
    const plan = await exportJson(get(`/export/plan/plan.json?week=${WEEK}`, east));
    expect(plan.rows.map((r) => r.unit)).toEqual(['东湖社区', '合计']);
  });

  it('count quiet-hours advice as messages moved, not messages saved', async () => {
    const rows = (await exportJson(get(`/export/recommendations/recommendations.json?week=${WEEK}`))).rows;
    const quiet = rows.filter((r) => r.kind === 'quiet-hours');
    expect(quiet.length).toBeGreaterThan(0);
    for (const r of quiet) {
      expect(r.messagesPerMemberPerWeek).toBeNull();
      expect(Number(r.messagesMovedPerMemberPerWeek)).toBeGreaterThan(0);
    }
    expect(rows.some((r) => r.kind !== 'quiet-hours' && r.messagesMovedPerMemberPerWeek === null)).toBe(true);
  });

  it('label only real merge candidates 可合并 in the overlap tables', async () => {
    const rows = (
      await exportJson(get(`/export/unit/overlaps.json?u=${encodeURIComponent('党政办')}&week=${WEEK}`))
    ).rows;
    const verdicts = new Set(rows.map((r) => r.verdict));
    expect(verdicts).toEqual(new Set(['mergeable', 'overlap']));
    // The all-staff group contains every other group: none of those pairs is a merge.
    const allStaff = rows.filter(
      (r) => String(r.group).includes('机关工作群') || String(r.otherGroup).includes('机关工作群'),
    );
    expect(allStaff.length).toBeGreaterThan(3);
    expect(allStaff.every((r) => r.verdict === 'overlap')).toBe(true);
  });
});

describe.skipIf(!hasChromium)('consolidation pages in headless Chromium', () => {
  let running: RunningDashboard;
  let browser: Browser;

  beforeAll(async () => {
    running = await serveDashboard({
      store,
      config: dashboardConfig(db),
      port: 0,
      host: '127.0.0.1',
      warm: false,
    });
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await running?.close();
  });

  it('draw the charts of each page, reach them from the navigation, with no console errors', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const problems = watchPage(page);
    await page.goto(`${running.url}/login`);
    await page.fill('input[name="token"]', ALL_TOKEN);
    await Promise.all([page.waitForURL(`${running.url}/`), page.click('button[type="submit"]')]);
    for (const [path, charts] of [
      ['/members', 2],
      ['/plan', 1],
      ['/effects', 0],
    ] as const) {
      await page.goto(`${running.url}${path}?week=${WEEK}`);
      const pixels = await paintedPixels(page);
      expect(pixels, path).toHaveLength(charts);
      for (const n of pixels) expect(n, path).toBeGreaterThan(500);
      expect(await page.evaluate('document.querySelectorAll("table tbody tr").length'), path).toBeGreaterThan(
        0,
      );
    }
    await Promise.all([page.waitForURL(/\/plan/), page.click('nav a[href^="/plan"]')]);
    expect(await page.evaluate('document.querySelector("h1").innerText')).toContain('整合方案');
    expect(problems).toEqual([]);
    await context.close();
  }, 60_000);
});
