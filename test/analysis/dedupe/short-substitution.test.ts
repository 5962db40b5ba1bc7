import { describe, expect, it } from 'vitest';
import { distinctSorted, trigramHashes } from '../../../src/analysis/dedupe/grams.js';
import { hasShortSubstitution } from '../../../src/analysis/dedupe/verify.js';
import { normaliseNotice } from '../../../src/text/notice-form.js';

function substituted(a: string, b: string): boolean {
  const x = normaliseNotice(a);
  const y = normaliseNotice(b);
  const [xGrams, yGrams] = [trigramHashes(x), trigramHashes(y)];
  return hasShortSubstitution(xGrams, distinctSorted(xGrams.slice()), yGrams, distinctSorted(yGrams.slice()));
}

const INSPECTION =
  '经镇安委会研究，决定对辖区内人员密集场所开展专项检查。检查组由罗书记带队，重点检查消防通道、疏散指示和消防设施等情况。请各相关单位提前做好自查。';

describe('hasShortSubstitution', () => {
  it.each([
    ['another leader (one character)', INSPECTION.replace('罗书记', '秦书记')],
    ['another leader (three characters)', INSPECTION.replace('罗书记', '刘委员')],
    ['another place', INSPECTION.replace('人员密集场所', '养老机构')],
  ])('finds %s', (_name, other) => {
    expect(substituted(INSPECTION, other)).toBe(true);
    expect(substituted(other, INSPECTION)).toBe(true);
  });

  it('finds a substitution right after the start of a short text', () => {
    expect(
      substituted(
        '今天下班前请把西苑社区环境整治前后对比照片发群里',
        '今天下午3点前请把西苑社区环境整治前后对比照片发群里',
      ),
    ).toBe(true);
  });

  it.each([
    ['the same text', INSPECTION],
    ['a sentence added inside', INSPECTION.replace('等情况。', '等情况。各村书记要亲自部署，确保不留死角。')],
    ['a sign-off added', `${INSPECTION}——镇应急办`],
    ['the opening dropped', INSPECTION.slice(10)],
    [
      'a long passage rewritten',
      INSPECTION.replace('消防通道、疏散指示和消防设施', '危化品储存台账和企业安全管理制度执行'),
    ],
    ['a sign-off replaced by a sentence near the end', `${INSPECTION}新浜镇应急办2026年11月5日`],
  ])('ignores %s', (_name, other) => {
    expect(substituted(INSPECTION, other)).toBe(false);
    expect(substituted(other, INSPECTION)).toBe(false);
  });

  it('ignores a sign-off line replaced by a sentence before the unit name', () => {
    const a =
      '请各单位认真核实，如实填写附件表格。联系人：孟金琴，电话：13782168510\n新浜镇党建办\n2026年11月5日';
    const b = '请各单位认真核实，如实填写附件表格。联系人：孟金琴，电话：13782168510\n请相互转告！\n——党建办';
    expect(substituted(a, b)).toBe(false);
    expect(substituted(b, a)).toBe(false);
  });
});
