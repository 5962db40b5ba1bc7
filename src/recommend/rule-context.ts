import type { WeekFindings } from '../analysis/registry.js';
import type { WeekData } from '../analysis/week-data.js';
import type { WorkCalendar } from '../calendar/work-calendar.js';
import type { Group } from '../model/group.js';
import type { StoredMessage } from '../model/message.js';
import { stripForwardingMarks } from '../text/normalise.js';
import type { EvidenceExcerpt, Recommendation, RecommendConfig } from './recommendation.js';
import type { EvidenceWindow } from './week-evidence.js';
import type { WeekNotices } from './week-notices.js';

/** What every recommendation rule reads. Pure data; rules never touch the store. */
export interface RuleContext {
  data: WeekData;
  findings: WeekFindings;
  config: RecommendConfig;
  calendar: WorkCalendar;
  notices: WeekNotices;
  groups: ReadonlyMap<string, Group>;
  zombieIds: ReadonlySet<string>;
  /** This week and up to `windowWeeks` − 1 earlier weeks, for the structural rules (merge, relay). */
  window: EvidenceWindow;
}

/** A recommendation before it gets its id, its reason in words and its status. */
export type Draft = Omit<Recommendation, 'id' | 'reason' | 'status'>;

const EXCERPT_CHARS = 30;
const MAX_DATES = 7;

/** The words a message shows: its text without forwarding marks, or its card's title, or its file's name. */
function shownText(m: StoredMessage): string | null {
  if (m.text !== null && m.type === 'text') return stripForwardingMarks(m.text.slice(0, EXCERPT_CHARS * 16));
  return m.link?.title ?? m.file?.name ?? m.miniprogram?.title ?? m.text;
}

/** A short excerpt of a notice or request. Callers pass only triggers, never members' replies. */
export function excerptOf(m: StoredMessage | undefined, calendar: WorkCalendar): EvidenceExcerpt | null {
  if (m === undefined || m.type === 'recalled' || m.type === 'system') return null;
  const raw = shownText(m);
  if (raw === null) return null;
  const flat = raw
    .slice(0, EXCERPT_CHARS * 8)
    .replace(/\s+/g, ' ')
    .trim();
  if (flat === '') return null;
  const points = Array.from(flat);
  const text = points.length > EXCERPT_CHARS ? `${points.slice(0, EXCERPT_CHARS - 1).join('')}…` : flat;
  return { messageId: m.id, groupId: m.groupId, date: calendar.local(m.time).date, text };
}

/** Up to `max` distinct excerpts of the given trigger messages, in the order given. */
export function excerpts(
  ctx: RuleContext,
  messageIds: readonly (string | null | undefined)[],
  max = 2,
): EvidenceExcerpt[] {
  const out: EvidenceExcerpt[] = [];
  const texts = new Set<string>();
  for (const id of messageIds) {
    if (out.length >= max) break;
    const e = id ? excerptOf(ctx.notices.byId.get(id), ctx.calendar) : null;
    if (e && !texts.has(e.text)) {
      texts.add(e.text);
      out.push(e);
    }
  }
  return out;
}

/** The distinct local dates of the given times, ascending, at most seven. */
export function datesOf(ctx: RuleContext, times: readonly number[]): string[] {
  const dates = new Set(times.map((t) => ctx.calendar.local(t).date));
  return [...dates].sort().slice(0, MAX_DATES);
}

/** Rounds to `digits` decimals, so figures compare and print the same on every run. */
export function round(n: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}
