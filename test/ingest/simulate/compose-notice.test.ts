import { describe, expect, it } from 'vitest';
import {
  composeNotice,
  inspectionNotice,
  type NoticeSetting,
  noticeText,
  rosterNotice,
} from '../../../src/ingest/simulate/compose-notice.js';
import { INSPECTION_OPENING, INSPECTION_TARGETS } from '../../../src/ingest/simulate/notice-vocabulary.js';
import { createPrng } from '../../../src/ingest/simulate/prng.js';

const monday10 = Date.parse('2026-11-16T10:00:00+08:00');

function setting(seed: number, postMs = monday10): NoticeSetting {
  return {
    rng: createPrng(seed),
    townName: '新浜镇',
    postMs,
    contact: '李娜',
    people: ['张伟', '王芳', '刘洋', '陈静', '杨帆'],
    leaders: ['王建国', '赵丽华'],
    leader: '王镇长',
  };
}

describe('composeNotice', () => {
  it('writes notices of 60–400 characters that carry numbers (dates, times, phones)', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const text = noticeText(composeNotice(setting(seed)));
      expect(text.length, text).toBeGreaterThanOrEqual(60);
      expect(text.length, text).toBeLessThanOrEqual(400);
      expect(text).toMatch(/\d/);
    }
  });

  it('gives rushed notices a same-day deadline and others none', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const rushed = composeNotice(setting(seed), { rushed: true });
      expect(rushed.rushed).toBe(true);
      expect(noticeText(rushed)).toMatch(/今天下班前|今天\d{1,2}:00前|\d小时内|今天下午\d点前/);
      expect(rushed.dueMinute).toBeGreaterThan(10 * 60);
      const relaxed = composeNotice(setting(seed + 1000));
      expect(relaxed.rushed).toBe(false);
      expect(noticeText(relaxed)).not.toMatch(/今天|小时内/);
    }
  });

  it('lets two inspection notices share the long opening but not their specifics', () => {
    const [a, b] = INSPECTION_TARGETS;
    const one = noticeText(inspectionNotice(setting(1), a as string[], monday10 + 7 * 86_400_000));
    const two = noticeText(inspectionNotice(setting(2), b as string[], monday10 + 10 * 86_400_000));
    expect(one.startsWith(INSPECTION_OPENING)).toBe(true);
    expect(two.startsWith(INSPECTION_OPENING)).toBe(true);
    expect(one.match(/\d+/g)).not.toEqual(two.match(/\d+/g));
  });

  it('writes duty rosters for the given days with leaders in charge', () => {
    const days = [0, 1].map((d) => Date.parse('2026-11-21T00:00:00+08:00') + d * 86_400_000);
    const text = noticeText(rosterNotice(setting(3), '党政办', days));
    expect(text).toContain('新浜镇党政办11月21日—11月22日值班安排');
    expect(text).toMatch(/11月21日（星期六）带班领导：(王建国|赵丽华)/);
    expect(text).toMatch(/11月22日（星期日）/);
  });
});
