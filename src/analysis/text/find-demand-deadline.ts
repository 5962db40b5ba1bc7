import type { WorkCalendar } from '../../calendar/work-calendar.js';
import { type DeadlineMatch, findDeadlines } from './parse-deadline.js';
import { toNfkc } from './to-nfkc.js';

/**
 * The deadline a text sets for reporting, submitting, posting proof, feeding back or checking: each
 * demand verb (报送, 上报, 报上来, 反馈, 提交, 发群里, 核实, 摸排, 排查, 统计, 报告…) takes the nearest deadline phrase of its sentence
 * ("请于11月25日前报送" — not the meeting time of the sentence before); "马上/立即 … 上报" gives
 * `immediateMinutes`. A deadline phrase standing in a "截止时间/时间要求" line of its own applies
 * to the demands of the whole text. The earliest deadline of all demands is returned.
 * Contract: linear in the text's length (global scans with bounded quantifiers).
 */
export interface DemandDeadline {
  /** UTC epoch ms. */
  deadline: number;
  phrase: string;
  kind: 'deadline' | 'immediate';
}

const VERB =
  /报送|上报|报上来|报来|报给|报至|报回|报我|报(?!告)[^\s，,。、]{0,4}?(?:办|局|委|部|处|科|所|站|中心|组|室)|反馈|提交|上交|交至|交到|交给|发群里|发到群|发至群|发在群|群里发|发送至|发送到|发至|上传|填报|报备|回复|回传|核实|核查|摸排|排查|统计|报告|汇总/g;
const VERB_ANY = new RegExp(VERB.source);
// 第一时间 is left out: "如遇突发情况，请第一时间报告" is a standing rule, not a deadline.
const IMMEDIATE = /马上|立即|立刻|即刻|火速/g;
// A condition makes the immediacy conditional: "如发现问题，立即上报" sets no deadline.
const CONDITION = /如遇|如有|如发现|如出现|若|一旦|发现|遇到|遇有|出现/;
const SENTENCE_END = /[。！!？?；;\n]/g;
const CLAUSE_BREAK = /[，,。！!？?；;\n]/;
const DEADLINE_LINE = /截止|时限|时间要求|报送时间|反馈时间|提交时间|完成时间/;
/** How far (code units) an immediacy word or a weak "于…" may stand before its verb. */
const IMMEDIATE_REACH = 10;
const WEAK_REACH = 8;
/** A verb looks for its deadline this far (code units) either side, within its sentence. */
const REACH = 80;
/** A "截止时间：…" line longer than this is prose, not a deadline line. */
const MAX_LINE = 60;
/** A deadline after its verb ("报送时间为今天下班前") is a little less likely to be its own. */
const AFTER_PENALTY = 5;

export function findDemandDeadline(
  text: string,
  postedAt: number,
  calendar: WorkCalendar,
  immediateMinutes: number,
): DemandDeadline | null {
  if (!VERB_ANY.test(text)) return null;
  const normal = toNfkc(text);
  const verbs = [...normal.matchAll(VERB)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  if (verbs.length === 0) return null;
  const deadlines = findDeadlines(normal, postedAt, calendar);
  const sentenceOf = positionIndex([...normal.matchAll(SENTENCE_END)].map((m) => m.index));
  let best: DemandDeadline | null = null;
  const offer = (d: DemandDeadline) => {
    if (best === null || d.deadline < best.deadline) best = d;
  };

  // Deadlines and verbs are both in text order: a sliding window keeps this linear.
  let first = 0;
  for (const verb of verbs) {
    while (first < deadlines.length && (deadlines[first] as DeadlineMatch).end < verb.start - REACH) first++;
    let nearest: DeadlineMatch | null = null;
    let nearestDistance = Number.POSITIVE_INFINITY;
    for (let i = first; i < deadlines.length; i++) {
      const d = deadlines[i] as DeadlineMatch;
      if (d.start > verb.end + REACH) break;
      if (sentenceOf(d.start) !== sentenceOf(verb.start)) continue;
      const before = d.end <= verb.start;
      const gap = before ? verb.start - d.end : d.start - verb.end + AFTER_PENALTY;
      if (d.weak && (!before || gap > WEAK_REACH || CLAUSE_BREAK.test(normal.slice(d.end, verb.start))))
        continue;
      if (gap < nearestDistance) {
        nearest = d;
        nearestDistance = gap;
      }
    }
    if (nearest) offer({ deadline: nearest.deadline, phrase: nearest.phrase, kind: 'deadline' });
  }
  let next = 0;
  for (const m of normal.matchAll(IMMEDIATE)) {
    const end = m.index + m[0].length;
    while (next < verbs.length && (verbs[next] as { start: number }).start < end) next++;
    const verb = verbs[next];
    if (
      verb &&
      verb.start - end <= IMMEDIATE_REACH &&
      !CLAUSE_BREAK.test(normal.slice(end, verb.start)) &&
      !CONDITION.test(clauseBefore(normal, m.index))
    ) {
      offer({ deadline: postedAt + immediateMinutes * 60_000, phrase: m[0], kind: 'immediate' });
    }
  }
  if (best === null) {
    const newlines = [...normal.matchAll(/\n/g)].map((m) => m.index);
    const lineOf = positionIndex(newlines);
    for (const d of deadlines) {
      if (d.weak) continue;
      const n = lineOf(d.start);
      const line = normal.slice(n === 0 ? 0 : (newlines[n - 1] as number) + 1, newlines[n] ?? normal.length);
      if (line.length > MAX_LINE) continue;
      if (DEADLINE_LINE.test(line) || line.trim().length <= d.phrase.length + 6) {
        offer({ deadline: d.deadline, phrase: d.phrase, kind: 'deadline' });
      }
    }
  }
  return best;
}

/** The clause (back to the previous comma or sentence end, at most 40 code units) before `pos`. */
function clauseBefore(text: string, pos: number): string {
  const head = text.slice(Math.max(0, pos - 40), pos);
  const parts = head.split(CLAUSE_BREAK);
  return parts[parts.length - 1] ?? '';
}

/** Maps a position to how many of the sorted `ends` lie before it (its sentence or line number). */
function positionIndex(ends: number[]): (pos: number) => number {
  return (pos) => {
    let lo = 0;
    let hi = ends.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((ends[mid] as number) < pos) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}
