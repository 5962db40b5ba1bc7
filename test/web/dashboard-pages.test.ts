import { beforeAll, describe, expect, it } from 'vitest';
import { Store } from '../../src/store/store.js';
import { createDashboardApp, type DashboardApp } from '../../src/web/create-dashboard-app.js';
import { escapeHtml } from '../../src/web/views/html.js';
import {
  ALL_TOKEN,
  buildDashboardDb,
  dashboardConfig,
  EAST_TOKEN,
  EVIL_GROUP,
  EVIL_UNIT,
  exportJson,
  login,
  NOW,
  TINY_GROUP,
  WEEK,
  XSS_IMG,
  XSS_SCRIPT,
} from './dashboard-fixture.js';
import { parseStrictCsv } from './strict-csv.js';

let store: Store;
let app: DashboardApp;
let cookie: string;

beforeAll(async () => {
  const dbPath = await buildDashboardDb();
  store = new Store(dbPath, { readonly: true });
  app = createDashboardApp({ store, config: dashboardConfig(dbPath), now: () => NOW });
  cookie = await login(app, ALL_TOKEN);
});

const get = (path: string, c = cookie) => app.request(path, { headers: { cookie: c } });
const text = async (path: string, c = cookie) => {
  const res = await get(path, c);
  expect(res.status, path).toBe(200);
  return res.text();
};
const enc = encodeURIComponent;
const PAGES = [
  '/',
  `/unit?u=${enc('党政办')}`,
  `/unit?u=${enc('东湖社区')}`,
  `/group?id=${enc('g-gongzuo@chatroom')}`,
  `/group?id=${enc(EVIL_GROUP)}`,
  '/notices',
  '/recommendations',
  '/exports',
];

/** The JSON data blocks of a page, parsed. */
function jsonBlocks(html: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const m of html.matchAll(/<script type="application\/json" id="([^"]+)">([\s\S]*?)<\/script>/g)) {
    out[m[1] as string] = JSON.parse(m[2] as string);
  }
  return out;
}

describe('pages', () => {
  it('show the default week (the last stored one) with a week picker', async () => {
    const html = await text('/');
    expect(html).toContain(`<option value="${WEEK}" selected>`);
    for (const w of ['2026-W44', '2026-W45', '2026-W46']) expect(html).toContain(`<option value="${w}">`);
    const picked = await text('/?week=2026-W45');
    expect(picked).toContain('<option value="2026-W45" selected>');
  });

  it.each([
    'garbage',
    '2026-W60',
    '2026-W00',
    '2026-w47',
    "2026-W47'><b>x</b>",
    // Valid ISO weeks, but nonsense for WeChat: before 2011 (0000-W01 used to answer 500) or years ahead.
    '0000-W01',
    '0001-W01',
    '1970-W01',
    '2010-W51',
    '2028-W30',
    '9999-W52',
  ])('refuse the week %j with 400, without echoing it', async (week) => {
    const res = await get(`/?week=${enc(week)}`);
    expect(res.status).toBe(400);
    expect(await res.text()).not.toContain('<b>x</b>');
  });

  it('analyse at most two weeks for a page and the rest of a trend in the background', async () => {
    const fresh = createDashboardApp({ store, config: app.source.config, now: () => NOW });
    const c = await login(fresh, ALL_TOKEN);
    const first = await (await fresh.request('/', { headers: { cookie: c } })).text();
    expect(first).toContain('还有 2 周的数据正在后台分析');
    const trend = jsonBlocks(first)['chart-burdenTrend-option'] as { series: { data: (number | null)[] }[] };
    expect(trend.series[0]?.data.map((n) => n === null)).toEqual([true, true, false, false]);
    await fresh.source.settled();
    const later = await (await fresh.request('/', { headers: { cookie: c } })).text();
    expect(later).not.toContain('正在后台分析');
  });

  it('draw the overview: group counts per unit by week and the burden trend', async () => {
    await text('/');
    await app.source.settled();
    const html = await text('/');
    const blocks = jsonBlocks(html);
    const groups = blocks['chart-groupsPerUnit-option'] as {
      xAxis: { data: string[] };
      series: { name: string; data: number[] }[];
    };
    expect(groups.xAxis.data).toEqual(['2026-W44', '2026-W45', '2026-W46', WEEK]);
    const total = groups.series.reduce((n, s) => n + (s.data[3] ?? 0), 0);
    const units = await exportJson(get('/export/overview/units.json'));
    expect(total).toBe(units.rows.reduce((n, r) => n + Number(r.groups), 0));
    const trend = blocks['chart-burdenTrend-option'] as {
      series: { name: string; data: (number | null)[] }[];
    };
    expect(trend.series.map((s) => s.name)).toEqual(['重复通知', '接龙', '“收到”刷屏', '非工作时间占比']);
    expect(trend.series[0]?.data.every((n) => typeof n === 'number' && n > 0)).toBe(true);
  });

  it('speak English with ?lang=en and keep the language in links', async () => {
    const html = await text('/?lang=en');
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('Overview');
    expect(html).toContain(`href="/notices?week=${WEEK}&amp;lang=en"`);
    expect(await text('/')).toContain('<html lang="zh-CN">');
  });

  it('set a content security policy that allows scripts from the server only, and no caching', async () => {
    const res = await get('/');
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('content-security-policy')).not.toContain('unsafe-inline');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serve ECharts from the package', async () => {
    const res = await get('/assets/echarts.min.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('javascript');
    expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(500_000);
  });
});

describe('strings from chats', () => {
  it.each(PAGES)('are escaped on %s', async (path) => {
    const html = await text(path);
    expect(html).not.toContain(XSS_SCRIPT);
    expect(html).not.toContain('<script>alert(2)');
    expect(html).not.toContain('<img');
    for (const tag of html.match(/<script[^>]*>/g) ?? []) {
      expect(tag).toMatch(
        /^<script (type="application\/json" id="[\w-]+"|src="\/assets\/(echarts\.min|dashboard)\.js")>$/,
      );
    }
    jsonBlocks(html); // every data block still parses
  });

  it('show the injected notice as text on the notices page', async () => {
    const html = await text('/notices');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
  });

  it('keep a unit name that closes a script element inside the chart data', async () => {
    const blocks = jsonBlocks(await text('/'));
    const groups = blocks['chart-groupsPerUnit-option'] as { series: { name: string }[] };
    expect(groups.series.map((s) => s.name)).toContain(EVIL_UNIT);
  });

  it('show a group named with markup as text', async () => {
    const html = await text(`/group?id=${enc(EVIL_GROUP)}`);
    expect(html).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;工作群');
  });

  it('reach the exports unchanged (data is escaped for HTML only)', async () => {
    const notices = await exportJson(get('/export/notices/notices.json'));
    expect(
      notices.rows.some((r) => String(r.notice).includes(XSS_SCRIPT) && String(r.notice).includes(XSS_IMG)),
    ).toBe(true);
  });
});

describe('figures about fewer than 5 people', () => {
  it('show as — on the page of a group of 3 members, with no charts', async () => {
    const html = await text(`/group?id=${enc(TINY_GROUP)}`);
    expect(html).toContain('本群成员不足 5 人');
    expect(html).not.toContain('data-chart=');
    const members = /<span class="label">成员<\/span><span class="value">([^<]*)<\/span>/.exec(html);
    expect(members?.[1]).toBe('—');
    const messages = /<span class="label">消息<\/span><span class="value">([^<]*)<\/span>/.exec(html);
    expect(messages?.[1]).toBe('—');
  });

  it('are hidden for the other group of its unit too, so that they cannot be worked out by subtraction', async () => {
    const html = await text(`/group?id=${enc('g-jingji@chatroom')}`);
    expect(html).toContain('本群成员不足 5 人');
    const groups = await exportJson(get(`/export/unit/groups.json?u=${enc('经济发展办')}`));
    for (const row of groups.rows) expect(row.messages).toBeNull();
  });

  it('are shown for a large group (hard negative)', async () => {
    const html = await text(`/group?id=${enc('g-gongzuo@chatroom')}`);
    expect(html).not.toContain('本群成员不足');
    expect(html).toMatch(/<span class="label">成员<\/span><span class="value">120<\/span>/);
    expect(html).toContain('data-chart="chart-heatmap-option"');
  });

  it('never appear in people counts of findings and overlaps', async () => {
    for (const u of ['党政办', '东湖社区', '应急办', '社会事务办']) {
      for (const table of ['findings', 'overlaps']) {
        const data = await exportJson(get(`/export/unit/${table}.json?u=${enc(u)}`));
        for (const row of data.rows) {
          for (const key of ['people', 'sharedMembers']) {
            if (key in row && row[key] !== null) expect(row[key]).toBeGreaterThanOrEqual(5);
          }
        }
      }
    }
  });

  it('name no member anywhere but inside the text of notices (aggregates only)', async () => {
    const names = store.db
      .prepare('SELECT name FROM contacts WHERE length(name) >= 2')
      .pluck()
      .all() as string[];
    expect(names.length).toBeGreaterThan(100);
    const notices = await exportJson(get('/export/notices/notices.json'));
    const noticeTexts = notices.rows.map((r) => escapeHtml(String(r.notice)));
    // Hard negative: the notices do name people (duty rosters, contacts), so the check can fail.
    expect(names.some((n) => noticeTexts.some((t) => t.includes(n)))).toBe(true);
    for (const path of [...PAGES, '/export/notices/deliveries.csv', '/export/recommendations/history.csv']) {
      let html = await text(path);
      for (const t of noticeTexts) html = html.replaceAll(t, '');
      const found = names.filter((n) => html.includes(n));
      expect(found, path).toEqual([]);
    }
  });

  it('mask mobile numbers in notices', async () => {
    const html = await text('/notices');
    expect(html).toContain('136****1006');
    expect(html).not.toMatch(/(?<!\d)1[3-9]\d{9}(?!\d)/);
  });
});

describe('notices', () => {
  it('list each duplicate notice once, with the groups and times it reached and the unit that first posted it', async () => {
    const data = await exportJson(get('/export/notices/notices.json'));
    const injected = data.rows.find((r) => String(r.notice).includes(XSS_SCRIPT));
    expect(injected?.firstUnit).toBe('党政办');
    expect(injected?.copies).toBe(3);
    expect(injected?.groups).toBe(3);
    expect(injected?.firstTime).toBe('2026-11-17T10:00:00.000+08:00');
    expect(injected?.reached).toContain('新浜镇机关工作群 11-17 10:00');
    for (const row of data.rows) expect(row.copies).toBeGreaterThanOrEqual(2);
    const deliveries = await exportJson(get('/export/notices/deliveries.json'));
    const mine = deliveries.rows.filter((r) => r.id === injected?.id);
    expect(mine.map((r) => r.group)).toEqual(['新浜镇机关工作群', `${XSS_IMG}工作群`, '新浜镇党建工作群']);
  });
});

describe('recommendations', () => {
  it('filter by kind and status', async () => {
    const all = await exportJson(get('/export/recommendations/recommendations.json'));
    expect(all.rows.length).toBeGreaterThan(3);
    const merges = await exportJson(get('/export/recommendations/recommendations.json?kind=merge'));
    expect(merges.rows.length).toBeGreaterThan(0);
    expect(merges.rows.length).toBeLessThan(all.rows.length);
    for (const r of merges.rows) expect(r.kind).toBe('merge');
    const none = await exportJson(get('/export/recommendations/recommendations.json?status=accepted'));
    expect(none.rows).toEqual([]);
    const bogus = await exportJson(get('/export/recommendations/recommendations.json?kind=bogus'));
    expect(bogus.rows).toEqual([]);
  });

  it('filter by unit', async () => {
    const east = await exportJson(
      get(`/export/recommendations/recommendations.json?unit=${enc('东湖社区')}`),
    );
    expect(east.rows.length).toBeGreaterThan(0);
    for (const r of east.rows) expect(r.units).toContain('东湖社区');
  });
});

describe('exports', () => {
  it('give valid CSV and JSON of every table shown, with the same rows', async () => {
    const eastCookie = await login(app, EAST_TOKEN);
    const links = new Set<string>();
    for (const [path, c] of [
      ...PAGES.map((p) => [p, cookie]),
      ['/unit?u=%E4%B8%9C%E6%B9%96%E7%A4%BE%E5%8C%BA', eastCookie],
    ] as [string, string][]) {
      const html = await text(path, c);
      const tables = html.match(/<section class="table"/g)?.length ?? 0;
      const found = [...html.matchAll(/href="(\/export\/[^"]+)"/g)].map((m) =>
        (m[1] as string).replaceAll('&amp;', '&'),
      );
      if (path !== '/exports') expect(found.length, path).toBe(tables * 2);
      for (const l of found) links.add(`${l}\u0000${c}`);
    }
    expect(links.size).toBeGreaterThan(40);
    for (const entry of links) {
      const [link, c] = entry.split('\u0000') as [string, string];
      if (!link.includes('.csv?')) continue;
      const csvRes = await get(link, c);
      expect(csvRes.status, link).toBe(200);
      expect(csvRes.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(csvRes.headers.get('content-disposition')).toMatch(
        /^attachment; filename="qingqun-[\w-]+\.csv"$/,
      );
      const bytes = new Uint8Array(await csvRes.arrayBuffer());
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const rows = parseStrictCsv(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
      const json = await exportJson(get(link.replace('.csv?', '.json?'), c));
      const header = rows[0] as string[];
      expect(header, link).toEqual(json.columns.map((col) => col.key));
      expect(rows.length - 1, link).toBe(json.rows.length);
      for (const r of rows) expect(r.length).toBe(header.length);
    }
  });

  it('quote what a spreadsheet would run as a formula', async () => {
    const rows = parseStrictCsv(await text('/export/overview/units.csv'));
    for (const r of rows.slice(1)) expect(r[0]).not.toMatch(/^[=+\-@]/);
  });
});
