import { describe, expect, it } from 'vitest';
import {
  correctedFile,
  documentFile,
  imageFile,
  newArticle,
  sharedUrl,
} from '../../../src/ingest/simulate/media.js';
import { createPrng } from '../../../src/ingest/simulate/prng.js';

/** The article a shared URL points at, ignoring tracking parameters. */
function articleKey(url: string): string {
  const u = new URL(url);
  return u.pathname === '/s'
    ? ['__biz', 'mid', 'idx', 'sn'].map((k) => u.searchParams.get(k)).join('|')
    : u.pathname;
}

describe('media', () => {
  it('shares one article under different tracking parameters', () => {
    const rng = createPrng(3);
    for (let i = 0; i < 50; i++) {
      const article = newArticle(rng);
      const urls = new Set(Array.from({ length: 8 }, () => sharedUrl(rng, article)));
      expect(urls.size).toBeGreaterThan(1);
      for (const url of urls) expect(articleKey(url)).toBe(articleKey(article.url));
    }
  });

  it('re-sends a corrected document under the same name with other content', () => {
    const rng = createPrng(4);
    const original = documentFile(rng, '附件1：安全隐患排查整改台账');
    const fixed = correctedFile(rng, original);
    expect(fixed.name).toBe(original.name);
    expect(fixed.sha256).not.toBe(original.sha256);
    expect(fixed.size).not.toBe(original.size);
    expect(original.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('names photos as phones do', () => {
    const rng = createPrng(5);
    const names = Array.from(
      { length: 30 },
      () => imageFile(rng, Date.parse('2026-10-27T15:30:12+08:00')).name,
    );
    expect(names.some((n) => /^IMG_20261027_1530\d{2}\.jpg$/.test(n))).toBe(true);
    expect(names.some((n) => /^mmexport\d{13}\.jpg$/.test(n))).toBe(true);
  });
});
