/**
 * Three pages of consolidation figures, from the supervisors' audit of the week (so the figures,
 * the minPeople hiding and the supervisor's scope are the audit's, see docs/RECOMMENDATIONS.md):
 * - /members: groups per member — per unit (a distribution chart: median and p90 per unit) and its
 *   weekly trend; never a list of people;
 * - /plan: what accepting every open merge and archive advice would give, overall and per unit;
 * - /effects: the effect of accepted recommendations, week by week, and whether they were carried out.
 * Kept in one module apart from the other pages so the dashboard's other work merges cleanly.
 */
import type { SupervisorAudit } from '../../recommend/supervisor-audit.js';
import { type PageContext, pageFrame, pageTools } from './page-context.js';
import type { Column, PageData, Row } from './page-data.js';

function audit(ctx: PageContext): SupervisorAudit {
  return ctx.source.audit(ctx.week, ctx.access);
}

const MEMBER_COLUMNS: Column[] = [
  { key: 'unit', kind: 'text' },
  { key: 'members', kind: 'number' },
  { key: 'medianGroups', kind: 'number' },
  { key: 'p90Groups', kind: 'number' },
  { key: 'overLimit', kind: 'number' },
];

const PLAN_COLUMNS: Column[] = [
  { key: 'unit', kind: 'text' },
  { key: 'groupsNow', kind: 'number' },
  { key: 'groupsAfter', kind: 'number' },
  { key: 'medianGroupsAfter', kind: 'number' },
  { key: 'p90GroupsAfter', kind: 'number' },
  { key: 'overLimitAfter', kind: 'number' },
  { key: 'copiesSavedPerWeek', kind: 'decimal' },
  { key: 'minutesSavedPerWeek', kind: 'decimal' },
];

const EFFECT_COLUMNS: Column[] = [
  { key: 'kind', kind: 'enum' },
  { key: 'groups', kind: 'text' },
  { key: 'acceptedWeek', kind: 'week' },
  { key: 'week', kind: 'week' },
  { key: 'messagesPerMember', kind: 'decimal' },
  { key: 'redundantCopies', kind: 'number' },
  { key: 'acks', kind: 'number' },
  { key: 'carriedOut', kind: 'enum' },
  { key: 'effectState', kind: 'enum' },
];

export function buildMembersPage(ctx: PageContext): PageData {
  const tools = pageTools(ctx);
  const a = audit(ctx);
  const gpm = a.groupsPerMember;
  const units = gpm?.units ?? [];
  const shown = units.filter((u) => u.members !== null);
  const trend = a.groupsPerMemberTrend ?? [];
  const rows: Row[] = units.map((u) => ({
    cells: {
      unit: tools.unitLabel(u.unit),
      members: u.members,
      medianGroups: u.median,
      p90Groups: u.p90,
      overLimit: u.overLimit,
    },
  }));
  return {
    ...pageFrame(ctx, 'members', null, {}),
    kpis: [
      { key: 'members', kind: 'number', value: gpm?.overall.members ?? null },
      { key: 'medianGroups', kind: 'number', value: gpm?.overall.median ?? null },
      { key: 'p90Groups', kind: 'number', value: gpm?.overall.p90 ?? null },
      { key: 'overLimit', kind: 'number', value: gpm?.overall.overLimit ?? null },
      { key: 'groupLimit', kind: 'number', value: gpm?.limit ?? null },
    ],
    charts: [
      {
        id: 'groupsPerMemberByUnit',
        kind: 'series',
        categories: shown.map((u) => tools.unitLabel(u.unit)),
        series: [
          { key: 'medianGroups', data: shown.map((u) => u.median), type: 'bar' },
          { key: 'p90Groups', data: shown.map((u) => u.p90), type: 'bar' },
        ],
      },
      {
        id: 'groupsPerMemberTrend',
        kind: 'series',
        categories: trend.map((p) => p.week),
        series: [
          { key: 'medianGroups', data: trend.map((p) => p.median), type: 'line' },
          { key: 'p90Groups', data: trend.map((p) => p.p90), type: 'line' },
          { key: 'overLimit', data: trend.map((p) => p.overLimit), type: 'bar' },
        ],
      },
    ],
    tables: [{ name: 'groupsPerMember', columns: MEMBER_COLUMNS, rows }],
    notes: [{ key: 'groupsPerMember', n: gpm?.limit ?? 0 }],
  };
}

export function buildPlanPage(ctx: PageContext): PageData {
  const tools = pageTools(ctx);
  const plan = audit(ctx).plan;
  const row = (
    unit: string,
    p: NonNullable<typeof plan> | NonNullable<typeof plan>['units'][number],
  ): Row => ({
    cells: {
      unit,
      groupsNow: p.groupsNow,
      groupsAfter: p.groupsAfter,
      medianGroupsAfter: p.groupsPerMemberAfter.median,
      p90GroupsAfter: p.groupsPerMemberAfter.p90,
      overLimitAfter: p.groupsPerMemberAfter.overLimit,
      copiesSavedPerWeek: p.copiesSavedPerWeek,
      minutesSavedPerWeek: p.minutesSavedPerWeek,
    },
  });
  const units = plan?.units ?? [];
  return {
    ...pageFrame(ctx, 'plan', null, {}),
    kpis: [
      { key: 'groupsNow', kind: 'number', value: plan?.groupsNow ?? null },
      { key: 'groupsAfter', kind: 'number', value: plan?.groupsAfter ?? null },
      { key: 'overLimitAfter', kind: 'number', value: plan?.groupsPerMemberAfter.overLimit ?? null },
      { key: 'copiesSavedPerWeek', kind: 'decimal', value: plan?.copiesSavedPerWeek ?? null },
      { key: 'minutesSavedPerWeek', kind: 'decimal', value: plan?.minutesSavedPerWeek ?? null },
    ],
    charts: [
      {
        id: 'planGroups',
        kind: 'series',
        categories: units.map((u) => tools.unitLabel(u.unit)),
        series: [
          { key: 'groupsNow', data: units.map((u) => u.groupsNow), type: 'bar' },
          { key: 'groupsAfter', data: units.map((u) => u.groupsAfter), type: 'bar' },
        ],
      },
    ],
    tables: [
      {
        name: 'plan',
        columns: PLAN_COLUMNS,
        rows: [
          ...units.map((u) => row(tools.unitLabel(u.unit), u)),
          ...(plan ? [row(tools.t.total, plan)] : []),
        ],
      },
    ],
    notes: [{ key: 'plan', n: plan?.recommendations ?? 0 }],
  };
}

export function buildEffectsPage(ctx: PageContext): PageData {
  const tools = pageTools(ctx);
  const effects = audit(ctx).effects ?? [];
  const rows: Row[] = [];
  for (const e of effects) {
    const names = e.groupIds.map((g) => tools.groupName(g)).join(tools.t.listSep);
    for (const w of [...(e.before ? [e.before] : []), ...e.after]) {
      rows.push({
        cells: {
          kind: e.kind,
          groups: names,
          acceptedWeek: e.acceptedWeek,
          week: w.week,
          messagesPerMember: w.messagesPerMember,
          redundantCopies: w.redundantCopies,
          acks: w.acks,
          carriedOut: w.carriedOut ? 'yes' : 'no',
          effectState: e.state,
        },
      });
    }
  }
  const count = (s: string) => effects.filter((e) => e.state === s).length;
  return {
    ...pageFrame(ctx, 'effects', null, {}),
    kpis: [
      { key: 'accepted', kind: 'number', value: effects.length },
      { key: 'carried-out', kind: 'number', value: count('carried-out') },
      { key: 'pending', kind: 'number', value: count('pending') },
      { key: 'not-carried-out', kind: 'number', value: count('not-carried-out') },
    ],
    charts: [],
    tables: [{ name: 'effects', columns: EFFECT_COLUMNS, rows }],
    notes: [{ key: 'effects' }],
  };
}
