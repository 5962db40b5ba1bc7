/**
 * Issue 15: one definition per figure, used everywhere. The overview's cards must equal the notices
 * page's cards for the same week, and the recommendations card must equal the rows of its table.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { Store } from '../../src/store/store.js';
import { createDashboardApp, type DashboardApp } from '../../src/web/create-dashboard-app.js';
import {
  ALL_TOKEN,
  buildDashboardDb,
  dashboardConfig,
  exportJson,
  login,
  NOW,
  WEEK,
} from './dashboard-fixture.js';

let store: Store;
let app: DashboardApp;
let cookie: string;

beforeAll(async () => {
  const dbPath = await buildDashboardDb();
  store = new Store(dbPath, { readonly: true });
  app = createDashboardApp({ store, config: dashboardConfig(dbPath), now: () => NOW });
  cookie = await login(app, ALL_TOKEN);
});

const get = (path: string) => app.request(path, { headers: { cookie } });

/** The KPI cards of a page: label → number shown. */
async function cards(path: string): Promise<Map<string, number>> {
  const res = await get(path);
  expect(res.status, path).toBe(200);
  const html = await res.text();
  const out = new Map<string, number>();
  for (const m of html.matchAll(
    /<div class="kpi"><span class="label">([^<]+)<\/span><span class="value">([^<]*)<\/span>/g,
  )) {
    out.set(m[1] as string, Number((m[2] as string).replaceAll(',', '')));
  }
  return out;
}

describe('dashboard figures have one definition each', () => {
  it('重复送达 and 重复通知: the overview card equals the notices page card', async () => {
    const overview = await cards(`/?week=${WEEK}`);
    const notices = await cards(`/notices?week=${WEEK}`);
    for (const label of ['重复送达', '重复通知']) {
      expect(overview.get(label), label).toBeGreaterThan(0);
      expect(notices.get(label), label).toBe(overview.get(label));
    }
    // Repeated copies are copies beyond the first: fewer than all copies in the notices table.
    const table = await exportJson(get(`/export/notices/notices.json?week=${WEEK}`));
    const allCopies = table.rows.reduce((n, r) => n + Number(r.copies), 0);
    expect(notices.get('重复送达')).toBe(allCopies - table.rows.length);
  });

  it('建议: the card equals the rows of the table, and the status cards add up to it', async () => {
    const page = await cards(`/recommendations?week=${WEEK}`);
    const table = await exportJson(get(`/export/recommendations/recommendations.json?week=${WEEK}`));
    expect(table.rows.length).toBeGreaterThan(3);
    expect(page.get('建议')).toBe(table.rows.length);
    const statuses = ['待处理', '已采纳', '已忽略'].map((l) => page.get(l) ?? Number.NaN);
    expect(statuses.reduce((a, b) => a + b, 0)).toBe(table.rows.length);
  });
});
