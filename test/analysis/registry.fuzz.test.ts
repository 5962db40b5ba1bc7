import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyseWeek, DETECTORS } from '../../src/analysis/registry.js';
import type { WeekData } from '../../src/analysis/week-data.js';
import { createWorkCalendar } from '../../src/calendar/work-calendar.js';
import { configSchema } from '../../src/config/schema.js';
import { MESSAGE_TYPES, type StoredMessage, TEXT_CLASSES } from '../../src/model/message.js';
import { HOSTILE_TEXTS } from './hostile-texts.js';

/**
 * Every detector of the registry, on weeks of arbitrary messages: any text (arbitrary code points,
 * graphemes, the hostile texts), any type, nulls anywhere the type allows them, texts dropped by
 * storage policy (class only), unknown groups and senders. None may throw.
 */
const config = configSchema.parse({ org: { leaders: { ids: ['u-0'] } } });
const calendar = createWorkCalendar(config);
const FROM = Date.UTC(2026, 10, 15, 16); // Monday 2026-11-16 00:00 in Shanghai
const TO = FROM + 7 * 86_400_000;
const GROUPS = ['g-0', 'g-1', 'g-2'];

const text = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 60 }) },
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 60 }) },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      '收到',
      '👍👍',
      '2.张伟',
      '1',
      '请大家报数',
      '#接龙\n1. 张伟',
      '今天下班前报送',
    ),
  },
  { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_TEXTS) },
);
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });
const short = fc.string({ maxLength: 12 });

const message = fc.record({
  source: fc.constantFrom('test', 'wechaty'),
  id: fc.string({ minLength: 1, maxLength: 6 }),
  groupId: fc.oneof(fc.constantFrom(...GROUPS), fc.constant('g-unknown')),
  senderId: maybe(fc.constantFrom('u-0', 'u-1', 'u-2', 'u-3', 'u-4', 'u-x')),
  time: fc.integer({ min: FROM, max: TO - 1 }),
  type: fc.constantFrom(...MESSAGE_TYPES),
  text: maybe(text),
  mentionAll: fc.boolean(),
  mentionIds: fc.array(fc.constantFrom('u-0', 'u-1', 'nobody'), { maxLength: 3 }),
  link: maybe(
    fc.record({ title: maybe(text), url: maybe(fc.oneof(short, fc.webUrl())), description: maybe(short) }),
  ),
  file: maybe(
    fc.record({
      name: maybe(short),
      size: maybe(fc.nat()),
      sha256: maybe(fc.string({ unit: fc.constantFrom(...'0123456789abcdefABCDEF'), maxLength: 64 })),
    }),
  ),
  miniprogram: maybe(
    fc.record({ title: maybe(text), appName: maybe(fc.constantFrom('群接龙', '接龙管家', 'x')) }),
  ),
  textLength: fc.nat({ max: 60_000 }),
  textClass: fc.option(fc.constantFrom(...TEXT_CLASSES), { nil: null }),
  replyNumber: maybe(fc.integer({ min: -5, max: 2000 })),
});

function week(messages: Omit<StoredMessage, 'rowId'>[]): WeekData {
  const sorted = messages
    .map((m, i) => ({ ...m, rowId: i + 1 }))
    .sort((a, b) => a.time - b.time || a.rowId - b.rowId);
  return {
    week: '2026-W47',
    from: FROM,
    to: TO,
    messages: sorted,
    groups: GROUPS.map((id, i) => ({
      id,
      name: `群${i}`,
      ownerId: i === 0 ? 'u-0' : null,
      unit: null,
      createdAt: null,
      firstSeen: FROM - 86_400_000,
      lastSeen: TO,
    })),
    members: new Map([
      ['g-0', ['u-0', 'u-1', 'u-2', 'u-3']],
      ['g-1', ['u-1', 'u-2']],
    ]),
    contacts: new Map([['u-0', { id: 'u-0', name: '王书记', unit: '领导班子' }]]),
    lastHumanMessageAt: new Map([['g-0', FROM]]),
  };
}

describe('every detector on arbitrary weeks', () => {
  it(`runs all ${DETECTORS.length} detectors without throwing`, () => {
    fc.assert(
      fc.property(fc.array(message, { maxLength: 40 }), (messages) => {
        const findings = analyseWeek({ data: week(messages), config, calendar });
        expect(Object.keys(findings).sort()).toEqual(DETECTORS.map((d) => d.name).sort());
      }),
      { numRuns: 300 },
    );
  });

  it('survives a week of nothing but hostile texts, each sent as every type', () => {
    const messages = HOSTILE_TEXTS.flatMap((t, i) =>
      MESSAGE_TYPES.map((type, k) => ({
        source: 'test',
        id: `m-${i}-${k}`,
        groupId: GROUPS[i % 3] as string,
        senderId: `u-${(i + k) % 5}`,
        time: FROM + (i * MESSAGE_TYPES.length + k) * 30_000,
        type,
        text: type === 'recalled' ? `m-${i}-0` : t,
        mentionAll: k % 2 === 0,
        mentionIds: [],
        link: type === 'link' ? { title: t, url: t, description: t } : null,
        file: type === 'file' ? { name: t, size: t.length, sha256: null } : null,
        miniprogram: type === 'miniprogram' ? { title: t, appName: '群接龙' } : null,
        textLength: t.length,
      })),
    );
    const findings = analyseWeek({ data: week(messages), config, calendar });
    expect(findings.volume).toBeDefined();
  });
});
