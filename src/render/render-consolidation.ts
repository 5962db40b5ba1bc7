/**
 * The audit's consolidation sections — groups per member (with its trend), the plan and repeated
 * data requests — as text/Markdown lines and as extra CSV columns/rows. Kept apart from
 * render-supervisor-audit.ts; a section the audit lacks is left out (hand-built audits in tests).
 */
import type { Locale } from '../model/locale.js';
import type { SupervisorAudit } from '../recommend/supervisor-audit.js';
import { CONSOLIDATION_TEXT } from './consolidation-text.js';

const DASH = '—';
const show = (x: number | null | undefined) => (x === null || x === undefined ? DASH : String(x));

export function consolidationLines(a: SupervisorAudit, locale: Locale, h2: (s: string) => string): string[] {
  const t = CONSOLIDATION_TEXT[locale];
  const lines: string[] = [];
  const bullet = h2('x').startsWith('\n##') ? '-' : '·';
  const unitName = (u: string | null) => u ?? t.unassigned;
  const gpm = a.groupsPerMember;
  if (gpm) {
    lines.push(h2(t.groupsPerMember));
    const o = gpm.overall;
    lines.push(
      t.gpmLine(t.overall, show(o.members), show(o.median), show(o.p90), show(o.overLimit), gpm.limit),
    );
    for (const u of gpm.units)
      lines.push(
        `${bullet} ${t.gpmLine(unitName(u.unit), show(u.members), show(u.median), show(u.p90), show(u.overLimit), gpm.limit)}`,
      );
    if (a.groupsPerMemberTrend && a.groupsPerMemberTrend.length > 0)
      lines.push(
        t.trend +
          a.groupsPerMemberTrend
            .map((p) => t.trendItem(p.week, show(p.median), show(p.p90), show(p.overLimit)))
            .join(locale === 'en' ? '; ' : '；'),
      );
  }
  const plan = a.plan;
  if (plan) {
    lines.push(h2(t.plan));
    if (plan.recommendations === 0) lines.push(t.planNone);
    const line = (who: string, p: typeof plan | (typeof plan.units)[number]) =>
      t.planLine(
        who,
        p.groupsNow,
        p.groupsAfter,
        show(p.groupsPerMemberAfter.median),
        show(p.groupsPerMemberAfter.p90),
        show(p.groupsPerMemberAfter.overLimit),
        show(p.copiesSavedPerWeek),
        show(p.minutesSavedPerWeek),
      );
    lines.push(line(t.overall, plan));
    for (const u of plan.units)
      if (u.groupsAfter !== u.groupsNow) lines.push(`${bullet} ${line(unitName(u.unit), u)}`);
  }
  if (a.effects) {
    lines.push(h2(t.effects));
    if (a.effects.length === 0) lines.push(t.effectsNone);
    for (const e of a.effects) {
      const groups = e.groupNames.join(t.unitSep);
      lines.push(
        `${bullet} ${t.effectHead(t.kinds[e.kind] ?? e.kind, groups, e.acceptedWeek, t.states[e.state] ?? e.state)}`,
      );
      const weeks = [
        ...(e.before ? [{ ...e.before, week: `${t.before}（${e.before.week}）` }] : []),
        ...e.after,
      ];
      for (const w of weeks)
        lines.push(`  ${t.effectWeek(w.week, show(w.messagesPerMember), w.redundantCopies, w.acks)}`);
    }
  }
  const repeated = a.repeatedRequests;
  if (repeated) {
    lines.push(h2(t.repeated));
    if (repeated.length === 0) lines.push(t.repeatedNone);
    for (const r of repeated)
      lines.push(
        `${bullet} ${t.repeatedLine(r.units.join(t.unitSep), r.excerpt, r.messageIds.length, r.groupIds.length)}`,
      );
  }
  return lines;
}

/** Extra CSV columns of the unit and total rows (empty for other rows). */
export const CONSOLIDATION_COLUMNS = [
  'week',
  'members',
  'groups_per_member_median',
  'groups_per_member_p90',
  'members_over_limit',
  'plan_groups_after',
  'plan_median_after',
  'plan_p90_after',
  'plan_over_limit_after',
  'plan_copies_saved_per_week',
  'plan_minutes_saved_per_week',
] as const;

/** The extra cells of a unit row (`unit` given) or of the total row (`unit` undefined). */
export function consolidationCells(a: SupervisorAudit, unit?: string | null): string[] {
  const gpm =
    unit === undefined ? a.groupsPerMember?.overall : a.groupsPerMember?.units.find((u) => u.unit === unit);
  const plan = unit === undefined ? a.plan : a.plan?.units.find((u) => u.unit === unit);
  return [
    '',
    show(gpm?.members),
    show(gpm?.median),
    show(gpm?.p90),
    show(gpm?.overLimit),
    show(plan?.groupsAfter),
    show(plan?.groupsPerMemberAfter.median),
    show(plan?.groupsPerMemberAfter.p90),
    show(plan?.groupsPerMemberAfter.overLimit),
    show(plan?.copiesSavedPerWeek),
    show(plan?.minutesSavedPerWeek),
  ];
}

/** Rows of their own: the groups-per-member trend (one per week) and the repeated requests. */
export function consolidationRows(a: SupervisorAudit, width: number, unassigned: string): string[][] {
  const rows: string[][] = [];
  const blank = (n: number) => new Array<string>(n).fill('');
  for (const p of a.groupsPerMemberTrend ?? []) {
    const cells = [p.week, show(p.members), show(p.median), show(p.p90), show(p.overLimit), ...blank(6)];
    rows.push(['groups_per_member_trend', '', ...blank(width - 2 - cells.length), ...cells]);
  }
  for (const e of a.effects ?? []) {
    // policy = the state, group_id = the groups, group_name = the week, value = the week's copies.
    for (const w of [...(e.before ? [e.before] : []), ...e.after]) {
      rows.push([
        'effect',
        '',
        ...blank(12),
        e.state,
        e.groupIds.join(' '),
        w.week,
        String(w.redundantCopies),
        '',
        ...blank(CONSOLIDATION_COLUMNS.length),
      ]);
    }
  }
  for (const r of a.repeatedRequests ?? []) {
    const base = ['repeated_request', r.units.map((u) => u || unassigned).join('、')];
    // policy / group_id / group_name / value / limit columns carry what the request is.
    rows.push([
      ...base,
      ...blank(12),
      'repeatedRequests',
      r.groupIds.join(' '),
      r.excerpt,
      String(r.messageIds.length),
      '',
      ...blank(CONSOLIDATION_COLUMNS.length),
    ]);
  }
  return rows;
}
