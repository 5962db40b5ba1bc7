import { DateTime } from 'luxon';
import type { WeeklyReport } from '../analysis/weekly-report.js';
import type { Contact } from '../model/contact.js';
import type { Locale } from '../model/locale.js';
import { escapeMarkdown } from './markdown.js';
import { REPORT_TEXT } from './report-text.js';

export interface RenderReportOptions {
  format: 'text' | 'md';
  locale: Locale;
  contacts: ReadonlyMap<string, Contact>;
  /**
   * Names of groups the report may mention without listing them (the overlap partner and the first
   * sender's group in a report scoped to one group); an id is shown only when no name is known.
   */
  groupNames?: ReadonlyMap<string, string>;
  /** How many duplicate notices to list (largest burden first). */
  topDuplicates?: number;
  /** Include the per-group section (default true). */
  perGroup?: boolean;
}

const pct = (part: number, whole: number) => (whole === 0 ? '0%' : `${((100 * part) / whole).toFixed(1)}%`);
const change = (now: number, before: number) =>
  before === 0 ? '—' : `${now >= before ? '+' : ''}${(((now - before) / before) * 100).toFixed(1)}%`;

const NONE: readonly never[] = [];

/** The findings of each group, in list order. */
function byGroup<T extends { groupId: string }>(list: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const f of list) {
    const bucket = out.get(f.groupId);
    if (bucket) bucket.push(f);
    else out.set(f.groupId, [f]);
  }
  return out;
}

/** The weekly report for people, as plain text or Markdown. Pure. */
export function renderReport(report: WeeklyReport, options: RenderReportOptions): string {
  const t = REPORT_TEXT[options.locale];
  const md = options.format === 'md';
  const h1 = (s: string) => (md ? `# ${s}` : `${s}\n${'='.repeat(Math.min(60, s.length * 2))}`);
  const h2 = (s: string) => (md ? `\n## ${s}\n` : `\n【${s}】`);
  const h3 = (s: string) => (md ? `\n### ${s}\n` : `\n■ ${s}`);
  const li = (s: string) => (md ? `- ${s}` : `  · ${s}`);
  // Names and excerpts come from the chats: in Markdown they are printed, never read as markup.
  const esc = md ? escapeMarkdown : (s: string) => s;
  const groupName = new Map(report.groups.map((g) => [g.id, g.name]));
  const nameOf = (groupId: string) =>
    esc(groupName.get(groupId) || options.groupNames?.get(groupId) || groupId);
  const ex = (id: string | undefined) => {
    const text = id === undefined ? undefined : report.excerpts[id];
    return text ? t.after(esc(text)) : '';
  };
  const fmt = (iso: string, plusDays = 0) =>
    DateTime.fromISO(iso, { zone: report.timezone }).plus({ days: plusDays }).toFormat('yyyy-MM-dd');

  const lines: string[] = [
    h1(t.title(report.week, `${fmt(report.from)} — ${fmt(report.to, -1)}, ${report.timezone}`)),
  ];
  const T = report.totals;
  const prev = report.previous;
  lines.push(h2(t.overview));
  lines.push(
    li(
      t.groupsLine(
        T.groups,
        T.messages,
        prev ? t.prev(prev.messages, change(T.messages, prev.messages)) : '',
      ),
    ),
  );
  lines.push(
    li(
      t.offHours(
        pct(T.offHoursMessages, T.messages),
        prev ? t.offHoursPrev(pct(prev.offHoursMessages, prev.messages)) : '',
      ),
    ),
  );
  lines.push(li(t.atAll(T.atAllMessages)));
  lines.push(li(t.burden(T)));

  if (report.duplicates.length > 0) {
    lines.push(h2(t.duplicates));
    const top = [...report.duplicates]
      .sort((a, b) => b.redundantDeliveries - a.redundantDeliveries)
      .slice(0, options.topDuplicates ?? 10);
    for (const d of top) {
      const unit = options.contacts.get(d.firstSenderId ?? '')?.unit;
      const first = unit === undefined || unit === null ? nameOf(d.firstGroupId) : esc(unit);
      lines.push(
        li(
          t.duplicateLine(
            d.excerpt ? esc(d.excerpt) : t.unknown,
            d.groupIds.length,
            d.messageIds.length,
            d.redundantDeliveries,
            first,
          ),
        ),
      );
    }
  }

  if (report.overlaps.length > 0) {
    lines.push(h2(t.overlaps));
    for (const o of report.overlaps.slice(0, 10)) {
      lines.push(
        li(
          t.overlapLine(
            nameOf(o.groupIds[0]),
            nameOf(o.groupIds[1]),
            pct(o.jaccard, 1),
            pct(o.containment, 1),
            o.sharedNotices,
          ),
        ),
      );
    }
  }

  if (options.perGroup !== false) {
    lines.push(h2(t.perGroup));
    // Each list grouped by group once: filtering every list once per group is quadratic (10,000s
    // of groups × 10,000s of findings in a province). Buckets keep list order; a zombie is the first.
    const zombies = new Map<string, WeeklyReport['zombies'][number]>();
    for (const z of report.zombies) if (!zombies.has(z.groupId)) zombies.set(z.groupId, z);
    const rollCalls = byGroup(report.rollCalls);
    const ackFloods = byGroup(report.ackFloods);
    const likeSpam = byGroup(report.likeSpam);
    const photoProof = byGroup(report.photoProof);
    const rushed = byGroup(report.rushedRequests);
    for (const g of report.groups) {
      const owner = g.ownerId ? esc(options.contacts.get(g.ownerId)?.name ?? g.ownerId) : t.unknown;
      lines.push(h3(t.groupHead(esc(g.name), owner, g.members)));
      const prevLine = g.previousMessages === null ? '' : t.groupPrev(g.previousMessages);
      lines.push(li(t.groupLine(g.messages, prevLine, pct(g.offHoursMessages, g.messages), g.atAllMessages)));
      const zombie = zombies.get(g.id);
      if (zombie) lines.push(li(t.zombie(zombie.lastHumanMessageAt === null ? null : zombie.quietDays)));
      for (const r of rollCalls.get(g.id) ?? NONE)
        lines.push(li(t.rollCall(r.posts, r.participants, r.linesReposted, ex(r.messageIds[0]))));
      for (const a of ackFloods.get(g.id) ?? NONE)
        lines.push(li(t.ackFlood(a.repliers, ex(a.triggerMessageId))));
      for (const l of likeSpam.get(g.id) ?? NONE)
        lines.push(li(t.likeSpam(l.repliers, l.triggerByLeader, ex(l.triggerMessageId))));
      for (const p of photoProof.get(g.id) ?? NONE)
        lines.push(li(t.photoProof(p.messageIds.length, ex(p.demandMessageId))));
      for (const r of rushed.get(g.id) ?? NONE)
        lines.push(li(t.rushed(r.hoursGiven.toFixed(1), ex(r.messageId))));
    }
  }
  lines.push('', md ? `_${t.note}_` : t.note);
  return lines.join('\n');
}
