import { afterEach, describe, expect, it } from 'vitest';
import { configSchema } from '../../src/config/schema.js';
import { renderStats } from '../../src/render/render-stats.js';
import { EARLIEST_MESSAGE_TIME, implausibleTime } from '../../src/store/plausible-time.js';
import type { Store } from '../../src/store/store.js';
import { DashboardSource } from '../../src/web/data/dashboard-source.js';
import { supervisorAuditNow } from '../../src/weeks/build-supervisor-audit.js';
import { messageInput, openTempStore } from '../fixtures/temp-store.js';

const NOW = Date.parse('2026-11-25T12:00:00+08:00');
const open: Store[] = [];
afterEach(() => {
  for (const s of open.splice(0)) s.close();
});

describe('implausibleTime, the one rule of every ingestion path', () => {
  it.each([
    [Date.UTC(1, 0, 1), 'before 2011-01-21, when WeChat was first released'],
    [Date.UTC(1969, 11, 31), 'before 2011-01-21, when WeChat was first released'],
    [0, 'before 2011-01-21, when WeChat was first released'],
    [Date.UTC(2010, 11, 31), 'before 2011-01-21, when WeChat was first released'],
    [EARLIEST_MESSAGE_TIME - 1, 'before 2011-01-21, when WeChat was first released'],
    [EARLIEST_MESSAGE_TIME, null],
    [NOW + 86_400_000, null],
    [NOW + 86_400_001, 'more than 1 day in the future'],
    [Number.NaN, 'not a time'],
  ])('%s → %s', (time, problem) => {
    expect(implausibleTime(time, NOW)).toBe(problem);
  });

  it('names the likely mix-up of numeric timestamps', () => {
    expect(implausibleTime(1_700_000_000, NOW, { epochHints: true })).toBe(
      'before 2000: seconds read as milliseconds?',
    );
    expect(implausibleTime(Date.UTC(2005, 0, 1), NOW, { epochHints: true })).toBe(
      'before 2011-01-21, when WeChat was first released',
    );
    expect(implausibleTime(NOW * 1000, NOW, { epochHints: true })).toBe(
      'more than 1 day in the future: milliseconds read as seconds?',
    );
  });
});

describe('readers are robust to absurd times already stored', () => {
  /** A database filled before ingestion refused absurd times: rows in year 1, 1969, 1970 and 9999. */
  function legacyStore(): Store {
    const s = openTempStore();
    open.push(s);
    s.groups.upsert({
      id: 'g-1@chatroom',
      name: '群',
      ownerId: null,
      unit: null,
      createdAt: null,
      seenAt: 0,
    });
    const times = [Date.UTC(1, 0, 1), Date.UTC(1969, 11, 31), 0, Date.UTC(9999, 0, 1)];
    s.messages.insertMany(times.map((time, i) => messageInput({ id: `absurd-${i}`, time })));
    s.messages.insertMany(
      [0, 1, 2].map((d) =>
        messageInput({ id: `real-${d}`, time: Date.parse('2026-11-10T10:00:00+08:00') + d * 7 * 86_400_000 }),
      ),
    );
    return s;
  }

  it('the first message, stats and the audit’s first week start at the first plausible message', () => {
    const s = legacyStore();
    expect(s.messages.span().first).toBe(Date.parse('2026-11-10T10:00:00+08:00'));
    const stats = s.stats.read(480, NOW);
    expect(stats).toMatchObject({ messages: 7, implausibleTimes: 4 });
    expect(stats.firstMessageAt).toBe(Date.parse('2026-11-10T10:00:00+08:00'));
    expect(stats.byDayAndType.map((d) => d.day)).toEqual(['2026-11-10', '2026-11-17', '2026-11-24']);
    const text = renderStats(stats, 'en', 'Asia/Shanghai');
    expect(text).toContain('time range: 2026-11-10 10:00 — 2026-11-24 10:00');
    expect(text).toContain('4 more messages have implausible times');
    const config = configSchema.parse({});
    expect(supervisorAuditNow(s, config, '2026-W47').firstWeek).toBe('2026-W46');
  });

  it('the dashboard lists the real weeks, not a thousand empty weeks from year 1', () => {
    const s = legacyStore();
    const source = new DashboardSource(s, configSchema.parse({}), () => NOW);
    expect(source.storedWeeks('2026-W48')).toEqual(['2026-W46', '2026-W47', '2026-W48']);
    expect(source.defaultWeek()).toBe('2026-W47');
  });

  it('a list longer than ten years keeps its latest weeks', () => {
    const s = openTempStore();
    open.push(s);
    s.groups.upsert({
      id: 'g-1@chatroom',
      name: '群',
      ownerId: null,
      unit: null,
      createdAt: null,
      seenAt: 0,
    });
    s.messages.insert(messageInput({ id: 'early', time: Date.parse('2011-03-01T10:00:00+08:00') }));
    const weeks = new DashboardSource(s, configSchema.parse({}), () => NOW).storedWeeks('2026-W48');
    expect(weeks).toHaveLength(520);
    expect(weeks.at(-1)).toBe('2026-W48');
  });
});
