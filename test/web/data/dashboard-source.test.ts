import { beforeAll, describe, expect, it } from 'vitest';
import { Store } from '../../../src/store/store.js';
import { createDashboardApp } from '../../../src/web/create-dashboard-app.js';
import { DashboardSource } from '../../../src/web/data/dashboard-source.js';
import { trendPoint } from '../../../src/web/data/week-summary.js';
import { messageInput } from '../../fixtures/temp-store.js';
import {
  ALL_TOKEN,
  buildDashboardDb,
  dashboardConfig,
  exportJson,
  login,
  NOW,
  WEEK,
} from '../dashboard-fixture.js';

let dbPath: string;
let store: Store;

beforeAll(async () => {
  dbPath = await buildDashboardDb({ plain: true });
  store = new Store(dbPath);
});

const everyone = () => true;
const messagesOf = (source: DashboardSource, week: string) =>
  trendPoint(source.summary(week), everyone, 5).messages;

describe('DashboardSource', () => {
  it('keeps analysed weeks until the store changes, then drops only the weeks new messages touch', async () => {
    const source = new DashboardSource(store, dashboardConfig(dbPath), () => NOW);
    await source.refresh();
    const w44 = source.view('2026-W44');
    const w46 = source.summary('2026-W46');
    const before = messagesOf(source, WEEK) as number;
    await source.refresh();
    expect(source.view('2026-W44')).toBe(w44);
    expect(source.summary('2026-W46')).toBe(w46);

    store.messages.insert(
      messageInput({ id: 'late-1', groupId: 'g-gongzuo@chatroom', time: Date.parse('2026-11-18T02:00:00Z') }),
    );
    await source.refresh();
    expect(source.summary('2026-W46')).toBe(w46);
    expect(messagesOf(source, WEEK)).toBe(before + 1);

    store.messages.insert(
      messageInput({ id: 'late-2', groupId: 'g-gongzuo@chatroom', time: Date.parse('2026-11-03T02:00:00Z') }),
    );
    await source.refresh();
    expect(source.view('2026-W44')).toBe(w44);
    expect(source.summary('2026-W46')).not.toBe(w46);
  });

  it('drops everything when a roster changes, and whatever is older than web.cacheSeconds', async () => {
    let now = NOW;
    const source = new DashboardSource(store, dashboardConfig(dbPath, { cacheSeconds: 60 }), () => now);
    await source.refresh();
    const w44 = source.view('2026-W44');
    now += 30_000;
    await source.refresh();
    expect(source.view('2026-W44')).toBe(w44);
    now += 31_000;
    await source.refresh();
    const fresh = source.view('2026-W44');
    expect(fresh).not.toBe(w44);
    store.snapshots.record('g-jingji@chatroom', Date.parse('2026-11-30T00:00:00Z'), ['u-0026', 'u-0027']);
    await source.refresh();
    expect(source.view('2026-W44')).not.toBe(fresh);
  });

  it('shows an owner\u2019s answer to a recommendation at once, in the list and in the history', async () => {
    const config = dashboardConfig(dbPath);
    const app = createDashboardApp({ store, config, now: () => NOW });
    const cookie = await login(app, ALL_TOKEN);
    const get = (path: string) => exportJson(app.request(path, { headers: { cookie } }));
    expect((await get('/export/recommendations/history.json')).rows).toEqual([]);
    const target = app.source.recommendations(WEEK).find((r) => r.kind === 'merge');
    if (!target) throw new Error('the simulation should yield a merge recommendation');
    store.recommendations.setStatus({
      ...target,
      figures: target.evidence.figures,
      status: 'accepted',
      week: WEEK,
      at: Date.parse('2026-11-24T01:00:00Z'),
    });
    const accepted = await get('/export/recommendations/recommendations.json?status=accepted');
    expect(accepted.rows.length).toBeGreaterThan(0);
    for (const r of accepted.rows) expect(r.kind).toBe('merge');
    const history = await get('/export/recommendations/history.json');
    expect(history.rows).toEqual([
      expect.objectContaining({
        kind: 'merge',
        status: 'accepted',
        week: WEEK,
        updatedAt: '2026-11-24T09:00:00.000+08:00',
      }),
    ]);
    expect((await get('/export/recommendations/history.json?status=dismissed')).rows).toEqual([]);
  });
});
