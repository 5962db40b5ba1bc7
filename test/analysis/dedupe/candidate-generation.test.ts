import { describe, expect, it } from 'vitest';
import { anchorPairs, BucketIndex, winnowAnchors } from '../../../src/analysis/dedupe/anchors.js';
import {
  bandPairs,
  CandidatePairs,
  LSH_BANDS,
  lshBandKeys,
  MINHASH_PERMUTATIONS,
  minhashSignature,
  numberMasks,
} from '../../../src/analysis/dedupe/candidates.js';
import type { DuplicateRules } from '../../../src/analysis/dedupe/notices.js';
import { type NoticeText, noticeText } from '../../../src/analysis/dedupe/notices.js';
import { numbersContradict } from '../../../src/analysis/dedupe/number-signature.js';
import { configSchema } from '../../../src/config/schema.js';

/*
 * The candidate walks were rewritten for speed (text by text over flat buckets, mask prefilters); the
 * pairs they propose must stay exactly those of the first, band-by-band version, kept here as the
 * reference. Template families with a small scan cap exercise full buckets and boilerplate anchors.
 */

function referenceBandPairs(texts: NoticeText[], scan: number): Set<string> {
  const n = texts.length;
  const keys = new Uint32Array(n * LSH_BANDS);
  const signature = new Uint32Array(MINHASH_PERMUTATIONS);
  texts.forEach((text, t) => {
    minhashSignature(text.grams, signature);
    lshBandKeys(signature, keys, t * LSH_BANDS);
  });
  const out = new Set<string>();
  const found = new Int32Array(scan);
  for (let band = 0; band < LSH_BANDS; band++) {
    const index = new BucketIndex(n);
    for (let t = 0; t < n; t++) {
      const end = index.collectAndAdd(keys[t * LSH_BANDS + band] as number, t, scan, found, 0);
      for (let k = 0; k < end; k++) {
        const j = found[k] as number;
        if (!numbersContradict((texts[j] as NoticeText).numbers, (texts[t] as NoticeText).numbers))
          out.add(`${j}|${t}`);
      }
    }
  }
  return out;
}

function referenceAnchorPairs(texts: NoticeText[], rules: DuplicateRules): Set<string> {
  const scan = rules.maxBucketScan;
  const anchorsOf = texts.map((text) =>
    text.length >= rules.minContainmentLength ? winnowAnchors(text.ordered) : null,
  );
  const counts = new BucketIndex(16);
  anchorsOf.forEach((anchors, t) => {
    for (const anchor of anchors ?? []) counts.add(anchor, t);
  });
  const informative = texts.map(() => 0);
  const index = new BucketIndex(16);
  const found = new Int32Array(scan);
  const out = new Set<string>();
  anchorsOf.forEach((anchors, t) => {
    if (!anchors) return;
    const hits = new Map<number, number>();
    for (const anchor of anchors) {
      if (counts.count(anchor) > scan) continue;
      informative[t] = (informative[t] as number) + 1;
      const end = index.collectAndAdd(anchor, t, scan, found, 0);
      for (let k = 0; k < end; k++) hits.set(found[k] as number, (hits.get(found[k] as number) ?? 0) + 1);
    }
    const text = texts[t] as NoticeText;
    for (const [j, shared] of hits) {
      const other = texts[j] as NoticeText;
      if (shared < Math.min(2, informative[j] as number, informative[t] as number)) continue;
      const small = Math.min(text.grams.length, other.grams.length);
      const large = Math.max(text.grams.length, other.grams.length);
      if (small < 0.9 * large && !numbersContradict(other.numbers, text.numbers)) out.add(`${j}|${t}`);
    }
  });
  return out;
}

function proposed(fill: (pairs: CandidatePairs) => void): Set<string> {
  const pairs = new CandidatePairs();
  fill(pairs);
  const out = new Set<string>();
  pairs.forEachDistinct((a, b) => out.add(`${a}|${b}`));
  return out;
}

/** Deterministic template families: shared wording, different dates, names, numbers and lengths. */
function templateTexts(count: number, seed: number): NoticeText[] {
  let state = seed;
  const next = (n: number) => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state % n;
  };
  const names = ['王伟', '李娜', '张强', '刘洋', '陈静'];
  const places = ['西苑社区', '南桥村', '东湖街道', '北山村'];
  const texts: NoticeText[] = [];
  for (let i = 0; i < count; i++) {
    const family = next(3);
    const day = next(4) + 1;
    const head = [
      `关于召开第${next(3) + 1}季度安全生产工作会议的通知请各村于11月${day}日上午9点到镇政府三楼会议室参加会议`,
      `本周值班安排${names[next(5)]}负责${places[next(4)]}周${'一二三四五'[next(5)]}值班电话${next(3)}请准时到岗`,
      `请各单位于${day}日前报送冬季防火检查情况表联系人${names[next(5)]}电话${next(2)}逾期未报的将通报批评`,
    ][family] as string;
    const tail = next(3) === 0 ? '各村书记要亲自部署确保不留死角所有检查记录须存档备查并报镇安监站' : '';
    texts.push(noticeText(next(4) === 0 ? head.slice(0, head.length - next(8)) : head + tail));
  }
  return texts;
}

describe('candidate generation', () => {
  const rules: DuplicateRules = {
    ...configSchema.parse({}).analysis.duplicates,
    minContainmentLength: 20,
  };

  it.each([
    [3, 1],
    [8, 2],
    [500, 3],
  ])('proposes the reference band pairs (scan %i, seed %i)', (scan, seed) => {
    const texts = templateTexts(400, seed);
    const masks = numberMasks(texts);
    const actual = proposed((pairs) => bandPairs(texts, masks, scan, pairs));
    expect(actual).toEqual(referenceBandPairs(texts, scan));
    expect(actual.size).toBeGreaterThan(0);
  });

  it.each([
    [4, 1],
    [30, 2],
    [500, 3],
  ])('proposes the reference anchor pairs (scan %i, seed %i)', (scan, seed) => {
    const texts = templateTexts(400, seed);
    const masks = numberMasks(texts);
    const scanRules = { ...rules, maxBucketScan: scan };
    const actual = proposed((pairs) => anchorPairs(texts, masks, scanRules, pairs));
    expect(actual).toEqual(referenceAnchorPairs(texts, scanRules));
    // At scan 4 every anchor is boilerplate (none proposes); above, some pairs must come out.
    expect(actual.size > 0).toBe(scan > 4);
  });
});
