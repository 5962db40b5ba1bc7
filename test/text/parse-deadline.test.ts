import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { createWorkCalendar } from '../../src/calendar/work-calendar.js';
import { configSchema } from '../../src/config/schema.js';
import { readChineseNumber } from '../../src/text/chinese-numbers.js';
import { findDeadlines, findDemandDeadline, parseDeadline } from '../../src/text/deadlines.js';
import { at, ZONE } from '../analysis/fixtures/week-data-factory.js';

const calendar = createWorkCalendar(configSchema.parse({}));
const local = (ms: number | null) =>
  ms === null ? null : DateTime.fromMillis(ms, { zone: ZONE }).toFormat('yyyy-MM-dd HH:mm');

// [phrase, posted (local, 2026), expected deadline (local) or null]. 2026-11-16 is a Monday.
const TABLE: [string, string, string | null][] = [
  ['今天下班前', '11-17 09:00', '2026-11-17 18:00'],
  ['于今天16:00前', '11-17 09:00', '2026-11-17 16:00'],
  ['今天16：00前', '11-17 09:00', '2026-11-17 16:00'],
  ['5点前', '11-17 14:00', '2026-11-17 17:00'],
  ['今天中午12点前', '11-17 09:00', '2026-11-17 12:00'],
  ['下午3点半前', '11-17 09:00', '2026-11-17 15:30'],
  ['16时30分前', '11-17 09:00', '2026-11-17 16:30'],
  ['今日17时前', '11-17 09:00', '2026-11-17 17:00'],
  ['今晚8点前', '11-17 09:00', '2026-11-17 20:00'],
  ['十二点前', '11-17 09:00', '2026-11-17 12:00'],
  ['下午五点前', '11-17 09:00', '2026-11-17 17:00'],
  ['明天上午10点前', '11-17 09:00', '2026-11-18 10:00'],
  ['明天下班前', '11-17 09:00', '2026-11-18 18:00'],
  ['明早9点前', '11-17 20:00', '2026-11-18 09:00'],
  ['上午下班前', '11-17 09:00', '2026-11-17 12:00'],
  ['中午前', '11-17 09:00', '2026-11-17 12:00'],
  ['下班前', '11-17 09:00', '2026-11-17 18:00'],
  ['今天之内', '11-17 09:00', '2026-11-17 18:00'],
  ['当天内', '11-17 20:00', '2026-11-18 00:00'],
  ['11月25日前', '11-17 09:00', '2026-11-25 18:00'],
  ['十一月二十五日前', '11-17 09:00', '2026-11-25 18:00'],
  ['11月18日（周三）下午3点前', '11-17 09:00', '2026-11-18 15:00'],
  ['本周五前', '11-16 09:00', '2026-11-20 18:00'],
  ['周五前', '11-16 09:00', '2026-11-20 18:00'],
  ['周一前', '11-18 09:00', '2026-11-23 18:00'],
  ['下周一上午10点前', '11-20 09:00', '2026-11-23 10:00'],
  ['1月5日前', '11-17 09:00', '2027-01-05 18:00'],
  ['截止时间：今日17时', '11-17 09:00', '2026-11-17 17:00'],
  ['截至今天下午5点', '11-17 09:00', '2026-11-17 17:00'],
  ['1小时内', '11-17 09:00', '2026-11-17 10:00'],
  ['半小时内', '11-17 09:00', '2026-11-17 09:30'],
  ['两个小时内', '11-17 09:00', '2026-11-17 11:00'],
  ['一个半小时内', '11-17 09:00', '2026-11-17 10:30'],
  ['30分钟内', '11-17 09:00', '2026-11-17 09:30'],
  ['24小时内', '11-17 09:00', '2026-11-18 09:00'],
  ['3个工作日内', '11-19 09:00', '2026-11-24 18:00'],
  ['2天内', '11-17 09:00', '2026-11-19 09:00'],
  // Past deadlines are returned as such (the detector decides); ambiguity yields null.
  ['17:00前', '11-17 18:30', '2026-11-17 17:00'],
  ['8点前', '11-17 10:00', null],
  ['8点前', '11-17 07:00', '2026-11-17 08:00'],
  // Not deadlines at all.
  ['今天下午3点', '11-17 09:00', null],
  ['目前', '11-17 09:00', null],
  ['三天前', '11-17 09:00', null],
  ['提前', '11-17 09:00', null],
  ['25点前', '11-17 09:00', null],
  ['13月40日前', '11-17 09:00', null],
  ['早前', '11-17 09:00', null],
  ['2026年', '11-17 09:00', null],
];

describe('parseDeadline', () => {
  it.each(TABLE)('%s posted %s → %s', (phrase, posted, expected) => {
    expect(local(parseDeadline(phrase, at(posted), calendar))).toBe(expected);
  });

  it('reads Chinese numerals', () => {
    expect([
      readChineseNumber('十'),
      readChineseNumber('十六'),
      readChineseNumber('二十'),
      readChineseNumber('二十三'),
      readChineseNumber('两'),
    ]).toEqual([10, 16, 20, 23, 2]);
    expect(readChineseNumber('十十')).toBeNull();
  });

  it('marks a bare 于… time as weak (an appointment unless a demand verb follows)', () => {
    const [d] = findDeadlines('于今天下午3点召开会议', at('11-17 09:00'), calendar);
    expect(d?.weak).toBe(true);
  });
});

// [text, posted, expected deadline or null]
const DEMANDS: [string, string, string | null][] = [
  ['请各单位今天下班前报送', '11-17 09:00', '2026-11-17 18:00'],
  ['请于今天17:00报送参会名单', '11-17 09:00', '2026-11-17 17:00'],
  ['5点前必须报上来', '11-17 14:00', '2026-11-17 17:00'],
  ['请1小时内反馈', '11-17 09:00', '2026-11-17 10:00'],
  ['收到后请立即上报', '11-17 09:00', '2026-11-17 10:00'],
  ['请马上将情况报上来', '11-17 09:00', '2026-11-17 10:00'],
  ['定于今天下午3点召开会议。请于11月25日前报送材料', '11-17 09:00', '2026-11-25 18:00'],
  ['会议于今天下午3点前签到，请于11月25日前报送意见', '11-17 09:00', '2026-11-25 18:00'],
  ['请报送名单。\n截止时间：今天16:00', '11-17 09:00', '2026-11-17 16:00'],
  ['于今天下午3点召开会议，请准时参加', '11-17 09:00', null],
  ['马上到年底了，请于11月25日前报送总结', '11-17 09:00', '2026-11-25 18:00'],
  ['今天下班前完成整改', '11-17 09:00', null],
  ['请大家认真学习', '11-17 09:00', null],
];

describe('findDemandDeadline', () => {
  it.each(DEMANDS)('%s (posted %s) → %s', (text, posted, expected) => {
    expect(local(findDemandDeadline(text, at(posted), calendar, 60)?.deadline ?? null)).toBe(expected);
  });

  it('never throws on any string and stays linear on adversarial input', () => {
    const posted = at('11-17 09:00');
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (s) => {
        findDemandDeadline(s, posted, calendar, 60);
        parseDeadline(s, posted, calendar);
      }),
    );
    const pieces = fc.constantFrom(
      '今天',
      '下午',
      '5',
      '点',
      '前',
      '报送',
      '，',
      '立即',
      '于',
      '内',
      '小时',
      '十',
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 200 }), (parts) => {
        findDemandDeadline(parts.join(''), posted, calendar, 60);
      }),
    );
    const long = `${'今天下午5点前报送'.repeat(5_000)}${'十'.repeat(20_000)}`;
    expect(findDemandDeadline(long, posted, calendar, 60)).not.toBeNull();
  });
});
