import type { StoredMessage } from '../../model/message.js';
import { canSeeUnit } from '../access.js';
import { countRepeatedCopies } from '../data/week-summary.js';
import { maskPhoneNumbers } from './mask-phone-numbers.js';
import { type PageContext, pageFrame, pageTools } from './page-context.js';
import type { ChartData, Column, Note, PageData, Row } from './page-data.js';

const NOTICE_COLUMNS: Column[] = [
  { key: 'id', kind: 'text' },
  { key: 'notice', kind: 'text' },
  { key: 'kind', kind: 'enum' },
  { key: 'firstUnit', kind: 'text' },
  { key: 'firstTime', kind: 'time' },
  { key: 'groups', kind: 'number' },
  { key: 'copies', kind: 'number' },
  { key: 'redundantDeliveries', kind: 'number' },
  { key: 'reached', kind: 'text' },
];

const DELIVERY_COLUMNS: Column[] = [
  { key: 'id', kind: 'text' },
  { key: 'group', kind: 'text' },
  { key: 'unit', kind: 'text' },
  { key: 'time', kind: 'time' },
  { key: 'copies', kind: 'number' },
];

/** Longest notice text shown, in characters: enough to recognise it, short enough for a table. */
const TEXT_CHARS = 200;

/**
 * The week's duplicate notices that reached a group the viewer sees: the text as far as retention
 * keeps it (mobile numbers masked), the unit that first posted it (the poster's unit, else the first group's — never a
 * person), when each shown group got it and how many copies (groups hidden by the plan or outside
 * the scope get no row and no place in "reached"), copies and redundant deliveries over all groups
 * reached — hidden when those groups hold fewer than minPeople people, or when the groups not
 * listed hold fewer than minPeople (the total minus the listed rows would give them away). Most
 * redundant first.
 */
export function buildNoticesPage(ctx: PageContext): PageData {
  const tools = pageTools(ctx);
  const { view, t } = tools;
  const minPeople = ctx.source.config.recommend.minPeople;
  const { data, findings } = view.analysis;
  const notices: { row: Row; redundant: number; firstTime: number }[] = [];
  const deliveries: Row[] = [];
  const byUnit = new Map<string, number>();
  const byDay = new Map<string, number>();
  let purged = false;
  /** 重复送达: the same definition as the overview's card (countRepeatedCopies). */
  let copiesShown = 0;
  for (const c of findings.duplicates) {
    const copies = c.messageIds
      .map((id) => view.messages.get(id))
      .filter((m): m is StoredMessage => m !== undefined);
    const seen = copies.filter((m) => tools.visible(m.groupId));
    const first = seen[0];
    if (!first) continue;
    const text = noticeText(first);
    if (text === null && first.type === 'text') purged = true;
    const posterUnit =
      (c.firstSenderId && data.contacts.get(c.firstSenderId)?.unit) || tools.unitOf(c.firstGroupId);
    const firstUnit = canSeeUnit(ctx.access, posterUnit) ? tools.unitLabel(posterUnit) : t.otherUnit;
    const people = new Set(c.groupIds.flatMap((g) => data.members.get(g) ?? []));
    const perGroup = new Map<string, { time: number; copies: number }>();
    const listed = seen.filter((m) => tools.shows(m.groupId));
    const unlisted = c.groupIds.filter((g) => !tools.shows(g));
    const unlistedPeople = new Set(unlisted.flatMap((g) => data.members.get(g) ?? [])).size;
    const totalsHidden = people.size < minPeople || (unlisted.length > 0 && unlistedPeople < minPeople);
    for (const m of listed) {
      const g = perGroup.get(m.groupId);
      if (g) g.copies++;
      else perGroup.set(m.groupId, { time: m.time, copies: 1 });
    }
    const reached = [...perGroup].map(([g, d]) => `${tools.groupName(g)} ${shortTime(tools, d.time)}`);
    for (const [g, d] of perGroup) {
      deliveries.push({
        cells: {
          id: c.id,
          group: tools.groupName(g),
          unit: tools.unitLabel(tools.unitOf(g)),
          time: d.time,
          copies: d.copies,
        },
        links: tools.groupLink(g) ? { group: tools.groupLink(g) as string } : undefined,
      });
    }
    const redundant = totalsHidden ? null : c.redundantDeliveries;
    notices.push({
      redundant: redundant ?? -1,
      firstTime: (listed[0] ?? first).time,
      row: {
        cells: {
          id: c.id,
          notice: text ?? (maskPhoneNumbers(c.excerpt) || null),
          kind: c.kind,
          firstUnit,
          // When a hidden group got it is not shown: the first copy in a shown group, else "—".
          firstTime: listed[0]?.time ?? null,
          groups: c.groupIds.length,
          copies: totalsHidden ? null : c.copies,
          redundantDeliveries: redundant,
          reached: reached.join(t.listSep),
        },
      },
    });
    copiesShown += countRepeatedCopies(listed.length, tools.shows(c.firstGroupId));
    byUnit.set(firstUnit, (byUnit.get(firstUnit) ?? 0) + 1);
    if (listed[0]) {
      const day = view.calendar.local(listed[0].time).date;
      byDay.set(day, (byDay.get(day) ?? 0) + 1);
    }
  }
  notices.sort((a, b) => b.redundant - a.redundant || a.firstTime - b.firstTime);
  const units = [...byUnit].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'zh-CN'));
  const days = [...byDay.keys()].sort();
  const charts: ChartData[] = [
    {
      id: 'noticesByUnit',
      kind: 'series',
      categories: units.map(([u]) => u),
      series: [{ key: 'duplicateNotices', data: units.map(([, n]) => n), type: 'bar' }],
    },
    {
      id: 'noticesByDay',
      kind: 'series',
      categories: days,
      series: [{ key: 'duplicateNotices', data: days.map((d) => byDay.get(d) ?? 0), type: 'bar' }],
    },
  ];
  const redundantShown = notices.reduce((n, x) => n + Math.max(0, x.redundant), 0);
  const notes: Note[] = purged ? [{ key: 'textPurged' }] : [];
  return {
    ...pageFrame(ctx, 'notices', null, {}),
    kpis: [
      { key: 'duplicateNotices', kind: 'number', value: notices.length },
      { key: 'repeatedCopies', kind: 'number', value: copiesShown },
      { key: 'redundantDeliveries', kind: 'number', value: redundantShown },
    ],
    charts,
    tables: [
      { name: 'notices', columns: NOTICE_COLUMNS, rows: notices.map((n) => n.row) },
      { name: 'deliveries', columns: DELIVERY_COLUMNS, rows: deliveries },
    ],
    notes,
  };
}

/** What the notice says, as far as it is stored: its text, the file's name or the link's title. */
function noticeText(m: StoredMessage): string | null {
  const raw =
    m.type === 'link' ? (m.link?.title ?? m.text) : m.type === 'file' ? (m.file?.name ?? m.text) : m.text;
  if (raw === null) return null;
  // Mask before cutting, so a number at the cut is not left half shown.
  const points = Array.from(
    maskPhoneNumbers(raw.slice(0, TEXT_CHARS * 4))
      .replace(/\s+/g, ' ')
      .trim(),
  );
  if (points.length === 0) return null;
  return points.length > TEXT_CHARS ? `${points.slice(0, TEXT_CHARS - 1).join('')}…` : points.join('');
}

function shortTime(tools: ReturnType<typeof pageTools>, ms: number): string {
  const p = tools.view.calendar.local(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${p.date.slice(5)} ${pad(p.hour)}:${pad(p.minuteOfDay % 60)}`;
}
