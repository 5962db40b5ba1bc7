/**
 * 多头报送: the same data requested by different units within `analysis.repeatedRequests.windowDays`,
 * in different words. Copies of one request (a forward, a re-post — what the duplicates finding
 * covers) are folded into the first before comparing, so a forwarded request is never "another
 * unit asking". Two requests are joined when
 * - their units differ (the sender's unit, else the group's),
 * - they ask for the same data object (request-part.ts: 独居老人名单 = 独居老人花名册 ≠ 独居老人走访情况),
 * - and the TF-IDF cosine of their request parts (jieba words, natural's TfIdf over the window's
 *   requests) is at least `minSimilarity` — a shared object word inside otherwise unrelated requests
 *   does not make them one.
 * Joined requests form sets; a set is reported in every week that holds one of its requests.
 * Pure: the days before the week come in `data.lookback` (analyseStoredWeek loads them).
 */
import natural from 'natural/lib/natural/tfidf/index.js';
import { stripForwardingMarks, toNfkc, toSimplified } from '../../text/normalise.js';
import { isRollCallPost } from '../../text/roll-calls.js';
import type { Detector } from '../detector.js';
import type { DuplicateCluster } from '../duplicate-notices.js';
import type { RepeatedRequest, RequestText } from './repeated-request.js';
import { MIN_REQUEST_LENGTH, type RequestPart, requestPart, sameData } from './request-part.js';

const { TfIdf } = natural;
const DAY = 86_400_000;
const EXCERPT_CHARS = 30;
/** Character-3-gram Jaccard (or containment of the shorter) at which a text is a copy of another. */
const COPY_JACCARD = 0.5;
const COPY_CONTAINMENT = 0.8;

interface Request {
  text: RequestText;
  unit: string;
  part: RequestPart;
  grams: Set<string>;
  cluster: string | null;
}

function trigrams(text: string): Set<string> {
  const chars = Array.from(stripForwardingMarks(toSimplified(toNfkc(text))).replace(/[\s\p{P}\p{S}]/gu, ''));
  const out = new Set<string>();
  for (let i = 0; i + 2 < chars.length; i++) out.add(chars.slice(i, i + 3).join(''));
  return out;
}

function isCopy(a: Request, b: Request): boolean {
  if (a.cluster !== null && a.cluster === b.cluster) return true;
  const [small, large] = a.grams.size <= b.grams.size ? [a.grams, b.grams] : [b.grams, a.grams];
  if (small.size === 0) return false;
  let shared = 0;
  for (const g of small) if (large.has(g)) shared++;
  return (
    shared / (small.size + large.size - shared) >= COPY_JACCARD || shared / small.size >= COPY_CONTAINMENT
  );
}

function cosine(a: Map<string, number>, b: Map<string, number>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [t, x] of a) {
    na += x * x;
    const y = b.get(t);
    if (y !== undefined) dot += x * y;
  }
  for (const y of b.values()) nb += y * y;
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}

function find(parent: number[], x: number): number {
  let root = x;
  while (parent[root] !== root) root = parent[root] as number;
  parent[x] = root;
  return root;
}

export const repeatedRequestsDetector: Detector<'repeatedRequests', RepeatedRequest[]> = {
  name: 'repeatedRequests',
  run({ data, config }, earlier) {
    const { windowDays, minSimilarity } = config.analysis.repeatedRequests;
    const clusterOf = new Map<string, string>();
    for (const c of (earlier.duplicates as DuplicateCluster[] | undefined) ?? [])
      for (const id of c.messageIds) clusterOf.set(id, c.id);
    const unitOfGroup = new Map(data.groups.map((g) => [g.id, g.unit]));
    const texts: RequestText[] = [...(data.lookback ?? [])];
    for (const m of data.messages) {
      if (m.type !== 'text' || m.text === null || m.text.length < MIN_REQUEST_LENGTH) continue;
      texts.push({ id: m.id, groupId: m.groupId, senderId: m.senderId, time: m.time, text: m.text });
    }

    // Requests in time order, each copy folded into the first request it copies.
    const requests: Request[] = [];
    for (const text of texts) {
      if (isRollCallPost(text.text)) continue;
      const part = requestPart(text.text);
      if (part === null) continue;
      const unit =
        (text.senderId ? data.contacts.get(text.senderId)?.unit : null) ??
        unitOfGroup.get(text.groupId) ??
        null;
      if (unit === null || unit === '') continue;
      const r: Request = {
        text,
        unit,
        part,
        grams: trigrams(text.text),
        cluster: clusterOf.get(text.id) ?? null,
      };
      if (requests.some((q) => isCopy(q, r))) continue;
      requests.push(r);
    }
    if (requests.length < 2) return [];

    const tfidf = new TfIdf();
    for (const r of requests) tfidf.addDocument(r.part.words);
    const vectors = requests.map((_, i) => new Map(tfidf.listTerms(i).map((t) => [t.term, t.tfidf])));

    // Only requests sharing the word before a data noun can ask for the same data.
    const buckets = new Map<string, number[]>();
    requests.forEach((r, i) => {
      for (const key of new Set(r.part.objects.map((o) => o.terms[o.terms.length - 1] as string))) {
        const list = buckets.get(key);
        if (list) list.push(i);
        else buckets.set(key, [i]);
      }
    });
    const parent = requests.map((_, i) => i);
    const matched = new Map<number, string>();
    for (const list of buckets.values()) {
      for (let x = 0; x < list.length; x++) {
        for (let y = x + 1; y < list.length; y++) {
          const i = list[x] as number;
          const j = list[y] as number;
          const a = requests[i] as Request;
          const b = requests[j] as Request;
          if (a.unit === b.unit || Math.abs(a.text.time - b.text.time) > windowDays * DAY) continue;
          const object = a.part.objects.find((oa) => b.part.objects.some((ob) => sameData(oa, ob)));
          if (!object) continue;
          if (cosine(vectors[i] as Map<string, number>, vectors[j] as Map<string, number>) < minSimilarity)
            continue;
          parent[find(parent, i)] = find(parent, j);
          if (!matched.has(i)) matched.set(i, object.phrase);
        }
      }
    }

    const sets = new Map<number, number[]>();
    requests.forEach((_, i) => {
      const root = find(parent, i);
      const list = sets.get(root);
      if (list) list.push(i);
      else sets.set(root, [i]);
    });
    const out: RepeatedRequest[] = [];
    for (const members of sets.values()) {
      if (members.length < 2) continue;
      const rs = members.map((i) => requests[i] as Request).sort((a, b) => a.text.time - b.text.time);
      if (!rs.some((r) => r.text.time >= data.from && r.text.time < data.to)) continue;
      const first = members.find((i) => matched.has(i)) ?? (members[0] as number);
      const phrase = matched.get(first) ?? (requests[first] as Request).part.objects[0]?.phrase ?? '';
      const points = Array.from(phrase);
      out.push({
        messageIds: rs.map((r) => r.text.id),
        groupIds: [...new Set(rs.map((r) => r.text.groupId))].sort(),
        units: [...new Set(rs.map((r) => r.unit))].sort(),
        firstTime: (rs[0] as Request).text.time,
        lastTime: (rs[rs.length - 1] as Request).text.time,
        excerpt: points.length > EXCERPT_CHARS ? `${points.slice(0, EXCERPT_CHARS - 1).join('')}…` : phrase,
      });
    }
    return out.sort((a, b) => a.firstTime - b.firstTime);
  },
};
