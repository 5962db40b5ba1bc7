import { Converter } from 'opencc-js/t2cn';
import { describe, expect, it } from 'vitest';
import type { MessageRecord } from '../../../src/model/interchange.js';
import { splitQuote } from '../../../src/text/quote.js';
import { runSimulation, weekIndex } from './sim-fixture.js';

const simplified = Converter({ from: 'tw', to: 'cn' });

/** Letters and digits of the simplified text without @所有人: what a duplicate detector compares. */
function normalise(text: string): string {
  return [...simplified(text).replace(/@所有人/g, '')].filter((ch) => /[\p{L}\p{N}]/u.test(ch)).join('');
}

function trigrams(text: string): Set<string> {
  const chars = [...text];
  const out = new Set<string>();
  for (let i = 0; i + 3 <= chars.length; i++) out.add(chars.slice(i, i + 3).join(''));
  return out;
}

/** The thresholds the field notes measured: Jaccard ≥ 0.6, or containment ≥ 0.85 for 40+ characters. */
function similar(a: string, b: string, ga = trigrams(a), gb = trigrams(b)): boolean {
  let inter = 0;
  for (const g of ga) if (gb.has(g)) inter++;
  const jaccard = inter / (ga.size + gb.size - inter);
  const containment = inter / Math.min(ga.size, gb.size);
  return jaccard >= 0.6 || (Math.min(a.length, b.length) >= 40 && containment >= 0.85);
}

const digits = (text: string) => (simplified(text).match(/\d+/g) ?? []).join(',');

/** WeChat article URL without tracking parameters. */
function articleKey(url: string): string {
  const u = new URL(url);
  if (u.pathname !== '/s') return u.origin + u.pathname;
  return ['__biz', 'mid', 'idx', 'sn'].map((k) => u.searchParams.get(k)).join('|');
}

describe.each([1, 2, 3])('duplicate notices, seed %i', (seed) => {
  const run = runSimulation({ seed });
  const { truth, byId, messages } = run;
  const clusters = truth.duplicates.map((c) => c.messageIds.map((id) => byId.get(id) as MessageRecord));
  const clusterOf = new Map<string, number>();
  truth.duplicates.forEach((c, i) => {
    for (const id of c.messageIds) clusterOf.set(id, i);
  });
  const rollCall = new Set(truth.rollCalls.flatMap((r) => r.messageIds));
  const textClusters = clusters.filter((c) => c[0]?.type === 'text');

  it('has clusters of text notices, files and link cards, each of one type', () => {
    expect(textClusters.length).toBeGreaterThanOrEqual(30);
    expect(clusters.filter((c) => c[0]?.type === 'file').length).toBeGreaterThanOrEqual(4);
    expect(clusters.filter((c) => c[0]?.type === 'link').length).toBeGreaterThanOrEqual(4);
    for (const c of clusters) {
      expect(c.length).toBeGreaterThanOrEqual(2);
      expect(new Set(c.map((m) => m.type)).size).toBe(1);
    }
  });

  it('keeps a forwarded file byte-identical and a forwarded article the same up to tracking parameters', () => {
    for (const c of clusters) {
      if (c[0]?.type === 'file')
        expect(new Set(c.map((m) => `${m.file?.name}|${m.file?.sha256}|${m.file?.size}`)).size).toBe(1);
      if (c[0]?.type === 'link') {
        expect(new Set(c.map((m) => articleKey(m.link?.url ?? ''))).size).toBe(1);
        expect(new Set(c.map((m) => m.link?.title)).size).toBe(1);
      }
    }
    const tracked = messages.filter((m) => m.type === 'link' && /from=|scene=|#rd/.test(m.link?.url ?? ''));
    expect(tracked.length).toBeGreaterThan(0);
  });

  it('plants corrected files every week: same name, other content, never in the same cluster', () => {
    const files = messages.filter((m) => m.type === 'file');
    const byName = new Map<string, MessageRecord[]>();
    for (const f of files) {
      const key = `${weekIndex(f)}|${f.file?.name}`;
      byName.set(key, [...(byName.get(key) ?? []), f]);
    }
    let corrected = 0;
    for (const same of byName.values()) {
      const hashes = new Set(same.map((f) => f.file?.sha256));
      if (hashes.size < 2) continue;
      corrected++;
      for (const a of same) {
        for (const b of same) {
          if (a.file?.sha256 !== b.file?.sha256 && clusterOf.has(a.id))
            expect(clusterOf.get(b.id)).not.toBe(clusterOf.get(a.id));
        }
      }
    }
    expect(corrected).toBeGreaterThanOrEqual(4);
  });

  it('keeps every copy of a text notice recognisable: each cluster is connected by similarity', () => {
    for (const c of textClusters) {
      const texts = c.map((m) => normalise(m.text ?? ''));
      const reached = new Set([0]);
      for (let grew = true; grew; ) {
        grew = false;
        texts.forEach((t, i) => {
          if (!reached.has(i) && [...reached].some((j) => similar(t, texts[j] as string))) {
            reached.add(i);
            grew = true;
          }
        });
      }
      expect(reached.size, c.map((m) => m.text?.slice(0, 30)).join(' | ')).toBe(texts.length);
    }
  });

  it('makes look-alike notices of one week that are not one cluster differ in dates or numbers', () => {
    // A quote reply (引用回复) carries the notice it answers; only its reply is its own text.
    const long = messages
      .filter((m) => m.type === 'text' && !rollCall.has(m.id) && splitQuote(m.text ?? null) === null)
      .map((m) => ({ m, n: normalise(m.text ?? '') }))
      .filter((x) => x.n.length >= 20)
      .map((x) => ({ ...x, g: trigrams(x.n), w: weekIndex(x.m) }));
    let lookAlikes = 0;
    for (let i = 0; i < long.length; i++) {
      for (let j = i + 1; j < long.length; j++) {
        const a = long[i] as (typeof long)[number];
        const b = long[j] as (typeof long)[number];
        if (a.w !== b.w) continue;
        const same = clusterOf.has(a.m.id) && clusterOf.get(a.m.id) === clusterOf.get(b.m.id);
        if (same || !similar(a.n, b.n, a.g, b.g)) continue;
        lookAlikes++;
        expect(digits(a.m.text ?? ''), `${a.m.text?.slice(0, 40)} | ${b.m.text?.slice(0, 40)}`).not.toBe(
          digits(b.m.text ?? ''),
        );
      }
    }
    expect(lookAlikes).toBeGreaterThan(0);
  });

  it('varies copies the way forwarding does', () => {
    const texts = textClusters.flat().map((m) => m.text ?? '');
    expect(texts.some((t) => /^(@所有人\s)?(【转发】|转：|转发：|【重要通知】)/.test(t))).toBe(true);
    expect(texts.some((t) => simplified(t) !== t)).toBe(true);
    expect(texts.some((t) => /[📢‼⚠🔔❗🔥🙏]/u.test(t))).toBe(true);
    expect(texts.some((t) => t.startsWith('@所有人'))).toBe(true);
    expect(texts.some((t) => /——\S+办$/.test(t))).toBe(true);
    const split = textClusters.some((c) =>
      c.some((a) =>
        c.some(
          (b) =>
            a !== b &&
            a.groupId === b.groupId &&
            a.senderId === b.senderId &&
            Math.abs(Date.parse(a.time) - Date.parse(b.time)) <= 60_000,
        ),
      ),
    );
    const reposted = textClusters.some((c) =>
      c.some((a) =>
        c.some((b) => a.groupId === b.groupId && Date.parse(b.time) - Date.parse(a.time) > 20 * 60_000),
      ),
    );
    expect(split).toBe(true);
    expect(reposted).toBe(true);
  });

  it('plants template look-alikes every week: two rosters, two inspections with one opening', () => {
    for (let w = 0; w < 4; w++) {
      const week = messages.filter((m) => weekIndex(m) === w && m.type === 'text');
      const rosters = week.filter((m) => /值班安排/.test(simplified(m.text ?? '')));
      const inspections = week.filter((m) =>
        simplified(m.text ?? '').includes('为深入贯彻落实上级关于安全生产工作的决策部署'),
      );
      const groupsOf = (list: MessageRecord[]) => new Set(list.map((m) => clusterOf.get(m.id) ?? m.id));
      expect(groupsOf(rosters).size).toBeGreaterThanOrEqual(2);
      expect(groupsOf(inspections).size).toBeGreaterThanOrEqual(2);
    }
  });

  it('posts some notices only once: they are in no cluster', () => {
    const once = messages.filter(
      (m) => m.type === 'text' && (m.text?.length ?? 0) >= 60 && !clusterOf.has(m.id) && !rollCall.has(m.id),
    );
    expect(once.length).toBeGreaterThanOrEqual(20);
  });
});
