import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { masksContradict, numberMasks } from '../../../src/analysis/dedupe/candidates.js';
import { noticeText } from '../../../src/analysis/dedupe/notices.js';
import { numbersContradict } from '../../../src/analysis/dedupe/number-signature.js';

const numberish = fc.constantFrom(
  '1',
  '2',
  '9',
  '11',
  '25',
  '2026',
  '十一月二十五日',
  '第三周',
  '下午三点',
  '周三',
  '通知',
);

describe('numberMasks', () => {
  it('proves a contradiction only where the signatures contradict', () => {
    fc.assert(
      fc.property(fc.array(numberish, { maxLength: 8 }), fc.array(numberish, { maxLength: 8 }), (a, b) => {
        const texts = [noticeText(`关于${a.join('会议')}`), noticeText(`关于${b.join('会议')}`)];
        const masks = numberMasks(texts);
        if (masksContradict(masks, 0, 1)) {
          expect(numbersContradict(texts[0]?.numbers ?? [], texts[1]?.numbers ?? [])).toBe(true);
        }
        expect(masksContradict(masks, 0, 1)).toBe(masksContradict(masks, 1, 0));
      }),
      { numRuns: 500 },
    );
  });

  it('tells most different dates apart without the signatures', () => {
    const texts = [noticeText('请于11月19日16点前上报'), noticeText('请于11月26日16点前上报')];
    expect(masksContradict(numberMasks(texts), 0, 1)).toBe(true);
    const same = [noticeText('请于11月19日16点前上报'), noticeText('请各村于11月19日16点前上报')];
    expect(masksContradict(numberMasks(same), 0, 1)).toBe(false);
  });
});
