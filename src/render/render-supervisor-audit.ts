import { DateTime } from 'luxon';
import type { Locale } from '../model/locale.js';
import type { AuditBreach, AuditRow, SupervisorAudit } from '../recommend/supervisor-audit.js';
import { AUDIT_TEXT } from './audit-text.js';
import { escapeMarkdown } from './markdown.js';
import { renderAuditCsv } from './render-audit-csv.js';
import { consolidationLines } from './render-consolidation.js';

export type AuditFormat = 'text' | 'md' | 'csv' | 'json';

const DASH = '—';
const show = (x: number | null) => (x === null ? DASH : String(x));
const pct = (x: number | null) => (x === null ? DASH : `${(x * 100).toFixed(1)}%`);
const signed = (now: number, before: number | null) => {
  if (before === null) return DASH;
  const d = now - before;
  return d > 0 ? `+${d}` : d < 0 ? `${d}` : '±0';
};

type Text = (typeof AUDIT_TEXT)[Locale];
/** How a name from the data is printed: escaped in Markdown (src/render/markdown.ts), as is in text. */
type Escape = (s: string) => string;
const asIs: Escape = (s) => s;

function cells(r: AuditRow, t: Text, label?: string, esc: Escape = asIs): string[] {
  return [
    label ?? esc(r.unit ?? t.unassigned),
    show(r.people),
    String(r.groups),
    signed(r.groups, r.groupsLastWeek),
    signed(r.groups, r.groupsFirstWeek),
    String(r.created),
    String(r.dissolved),
    String(r.zombies),
    show(r.messages),
    pct(r.offHoursShare),
    pct(r.duplicateRate),
    show(r.rollCalls),
    show(r.atAllMessages),
  ];
}

function breachLine(b: AuditBreach, a: SupervisorAudit, t: Text, esc: Escape): string {
  const unit = esc(b.unit ?? t.unassigned);
  if (b.policy === 'maxGroupsPerUnit') return t.maxGroupsPerUnit(unit, b.value, b.limit);
  const group = esc(b.groupName || b.groupId || '');
  if (b.policy === 'maxAtAllPerGroupPerWeek') return t.maxAtAllPerGroupPerWeek(group, unit, b.value, b.limit);
  return t.quietHours(
    group,
    unit,
    b.value,
    b.limit,
    `${a.policies.quietHours.start}–${a.policies.quietHours.end}`,
  );
}

/**
 * The supervisors' audit as text, Markdown, CSV or JSON. Null figures (about fewer than
 * `minPeople` people) show as "—" (JSON keeps null). Pure.
 */
export function renderSupervisorAudit(a: SupervisorAudit, format: AuditFormat, locale: Locale): string {
  if (format === 'json') return JSON.stringify(a, null, 2);
  const t = AUDIT_TEXT[locale];
  if (format === 'csv') return renderAuditCsv(a, t.unassigned);
  const md = format === 'md';
  const esc: Escape = md ? escapeMarkdown : asIs;
  const day = (iso: string, plus = 0) =>
    t.day(DateTime.fromISO(iso, { zone: a.timezone }).plus({ days: plus }).toISODate() ?? '');
  const h2 = (s: string) => (md ? `\n## ${s}\n` : `\n【${s}】`);
  const title = t.title(a.week, day(a.from), day(a.to, -1), a.timezone);
  const lines = [
    md ? `# ${title}` : title,
    t.scope(a.scope === null ? null : a.scope.map(esc).join(locale === 'en' ? ', ' : '、')),
    t.firstWeek(a.firstWeek),
    h2(t.overall),
    t.groupsLine(
      a.total.groups,
      signed(a.total.groups, a.total.groupsLastWeek),
      signed(a.total.groups, a.total.groupsFirstWeek),
      a.total.created,
      a.total.dissolved,
      a.total.zombies,
    ),
    t.figuresLine(
      show(a.total.messages),
      pct(a.total.offHoursShare),
      pct(a.total.duplicateRate),
      show(a.total.rollCalls),
      show(a.total.atAllMessages),
    ),
    h2(t.perUnit),
  ];
  if (md) {
    lines.push(`| ${t.columns.join(' | ')} |`, `|${t.columns.map(() => ' --- ').join('|')}|`);
    // Cells are escaped where they come from the data (cells(…, esc)); the rest is our own text.
    const mdRow = (c: string[]) => `| ${c.join(' | ')} |`;
    for (const u of a.units) lines.push(mdRow(cells(u, t, undefined, esc)));
    lines.push(mdRow(cells(a.total, t, `**${t.total}**`)));
  } else {
    for (const u of a.units) {
      lines.push(t.unitHead(u.unit ?? t.unassigned, show(u.people)));
      lines.push(
        `  ${t.groupsLine(u.groups, signed(u.groups, u.groupsLastWeek), signed(u.groups, u.groupsFirstWeek), u.created, u.dissolved, u.zombies)}`,
      );
      lines.push(
        `  ${t.figuresLine(show(u.messages), pct(u.offHoursShare), pct(u.duplicateRate), show(u.rollCalls), show(u.atAllMessages))}`,
      );
    }
  }
  lines.push(
    h2(t.owners),
    t.ownersLine(
      show(a.owners.owners),
      a.owners.distribution.map((d) => show(d.owners)),
    ),
  );
  lines.push(h2(t.breaches));
  if (a.breaches.length === 0 && a.hiddenBreaches === 0) lines.push(t.noBreaches);
  for (const b of a.breaches) lines.push(`${md ? '-' : '·'} ${breachLine(b, a, t, esc)}`);
  if (a.hiddenBreaches > 0) lines.push(t.hidden(a.hiddenBreaches, a.minPeople));
  lines.push(...consolidationLines(a, locale, h2));
  lines.push('', md ? `_${t.note(a.minPeople)}_` : t.note(a.minPeople));
  return lines.join('\n');
}
