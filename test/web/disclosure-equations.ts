/**
 * The disclosure invariant's towns and solver, shared by test/web/disclosure-invariant.test.ts (SQLite)
 * and test/store/postgres/pg-disclosure-invariant.test.ts (PostgreSQL).
 *
 * The invariant behind "nothing about fewer than 5 people" on the dashboard (issue 13 item 1),
 * tested on generated towns rather than case by case: for every week and scope, collect every
 * message figure that any page or export shows (overview KPIs, the units table, the weekly trend,
 * unit KPIs and trends, group rows with last week's figures, group KPIs with their change and weekly
 * trend, notices with their per-group deliveries) as linear equations over the unknowns — each
 * group's messages in each week, each notice's copies in each group — and solve them: no
 * combination of shown figures may pin down a sum over groups that together hold fewer than
 * minPeople people in that week. People figures (members, people) are checked to be ≥ minPeople
 * wherever shown. Exports are the pages' tables (page-routes.ts builds the page and writes one
 * table), so checking PageData covers them.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { weekBounds } from '../../src/calendar/weeks.js';
import { Store } from '../../src/store/store.js';
import type { Access } from '../../src/web/access.js';
import type { DashboardSource } from '../../src/web/data/dashboard-source.js';
import { buildPage } from '../../src/web/pages/build-page.js';
import type { PageContext } from '../../src/web/pages/page-context.js';
import { type PageData, type PageName, PageNotFound } from '../../src/web/pages/page-data.js';
import { messageInput, tempStorePath } from '../fixtures/temp-store.js';

export const MIN = 5;
export const WEEKS = ['2026-W46', '2026-W47'] as const;
export const TZ = 'Asia/Shanghai';
export const NOW = Date.parse('2026-12-01T04:00:00Z');
const NOTICE = '请各单位于本周五下班前报送安全生产检查情况，逾期未报的将予以通报，联系电话见附件。';

interface GroupSpec {
  /** Per week: first pool index and how many members (1..9: rosters change between weeks). */
  roster: [number, number][];
  /** Per week: ordinary messages and copies of the notice. */
  chat: number[];
  notices: number[];
}
export interface Town {
  units: GroupSpec[][];
  /** Units a limited login sees (indexes), or null for every unit. */
  scope: number[] | null;
}

const groupSpec = fc.record({
  roster: fc.array(fc.tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 1, max: 9 })), {
    minLength: 2,
    maxLength: 2,
  }),
  chat: fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 2, maxLength: 2 }),
  notices: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 2, maxLength: 2 }),
});
export const town: fc.Arbitrary<Town> = fc
  .array(fc.array(groupSpec, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 4 })
  .chain((units) =>
    fc.record({
      units: fc.constant(units),
      scope: fc.option(
        fc.subarray(
          units.map((_, i) => i),
          { minLength: 1 },
        ),
        { nil: null },
      ),
    }),
  );

export const unitName = (u: number) => `单位${u}`;
export const groupId = (u: number, g: number) => `g${u}-${g}@chatroom`;

/** A SQLite file holding the town. */
export function buildStore(t: Town): string {
  const path = tempStorePath();
  const store = new Store(path);
  try {
    writeTown(t, store);
  } finally {
    store.close();
  }
  return path;
}

/** Writes the town into `store` (a SQLite file, or the stage of a PostgreSQL import). */
export function writeTown(t: Town, store: Store): void {
  let n = 0;
  t.units.forEach((groups, u) => {
    // Units share people (the first six of each pool), so groups overlap across units too.
    const pool = Array.from({ length: 16 }, (_, i) => (i < 6 ? `p-${i}` : `p${u}-${i}`));
    groups.forEach((spec, g) => {
      const id = groupId(u, g);
      store.groups.upsert({
        id,
        name: id.replace('@chatroom', ''),
        ownerId: null,
        unit: unitName(u),
        createdAt: Date.parse('2026-01-05T01:00:00Z'),
        seenAt: Date.parse('2026-01-05T01:00:00Z'),
      });
      WEEKS.forEach((week, w) => {
        const { from } = weekBounds(week, TZ);
        const [start, size] = spec.roster[w] as [number, number];
        const members = pool.slice(start, start + size);
        store.snapshots.record(id, from + 3_600_000, members);
        const messages = [];
        for (let i = 0; i < (spec.chat[w] ?? 0); i++)
          messages.push(
            messageInput({
              id: `m${n++}`,
              groupId: id,
              senderId: members[i % members.length] as string,
              time: from + 86_400_000 + i * 3_600_000,
            }),
          );
        for (let i = 0; i < (spec.notices[w] ?? 0); i++)
          messages.push(
            messageInput({
              id: `m${n++}`,
              groupId: id,
              senderId: members[0] as string,
              time: from + 2 * 86_400_000 + i * 600_000 + g * 60_000,
              text: NOTICE,
            }),
          );
        store.messages.insertMany(messages);
      });
    });
  });
}

/** A linear equation over named unknowns: Σ coef·x = (some shown value; only the form matters). */
export type Equation = Map<string, number>;
export const sumOf = (vars: readonly string[], coef = 1): Equation => new Map(vars.map((v) => [v, coef]));
export const msg = (g: string, week: string) => `x|${week}|${g}`;
const copy = (week: string, notice: string, g: string) => `y|${week}|${notice}|${g}`;

/** Rank of the rows restricted to `cols`, by Gaussian elimination (small 0/±1 matrices). */
function rank(rows: readonly Equation[], cols: readonly string[]): number {
  const m = rows.map((r) => cols.map((c) => r.get(c) ?? 0));
  let r = 0;
  for (let c = 0; c < cols.length && r < m.length; c++) {
    let p = -1;
    for (let i = r; i < m.length; i++) if (Math.abs((m[i] as number[])[c] as number) > 1e-9) p = i;
    if (p < 0) continue;
    [m[r], m[p]] = [m[p] as number[], m[r] as number[]];
    const pivot = m[r] as number[];
    for (let i = 0; i < m.length; i++) {
      if (i === r) continue;
      const row = m[i] as number[];
      const f = (row[c] as number) / (pivot[c] as number);
      if (f !== 0)
        for (let k = c; k < cols.length; k++) row[k] = (row[k] as number) - f * (pivot[k] as number);
    }
    r++;
  }
  return r;
}

/**
 * The smallest set of unknowns about fewer than MIN people that the shown sums pin down (alone or
 * as a sum), or null. Unknowns determined one by one must be about MIN people or more; then, with
 * those eliminated, no combination of equations may be supported on a set of fewer than MIN people.
 */
export function isolated(
  equations: readonly Equation[],
  peopleOf: (v: string) => readonly string[],
): string[] | null {
  const vars = [...new Set(equations.flatMap((e) => [...e.keys()]))].sort();
  const full = rank(equations, vars);
  const determined = vars.filter(
    (v) =>
      rank(
        equations,
        vars.filter((x) => x !== v),
      ) < full,
  );
  for (const v of determined) if (peopleOf(v).length < MIN) return [v];
  const rest = vars.filter((v) => !determined.includes(v));
  const restRank = rank(equations, rest);
  const small = rest.filter((v) => peopleOf(v).length < MIN);
  let found: string[] | null = null;
  const search = (from: number, chosen: string[], people: Set<string>) => {
    if (found) return;
    if (chosen.length > 0) {
      const others = rest.filter((v) => !chosen.includes(v));
      if (rank(equations, others) < restRank) {
        found = [...chosen];
        return;
      }
    }
    for (let i = from; i < small.length; i++) {
      const v = small[i] as string;
      const next = new Set([...people, ...peopleOf(v)]);
      if (next.size < MIN) search(i + 1, [...chosen, v], next);
    }
  };
  search(0, [], new Set());
  return found;
}

/** A page as DashboardSource.build builds it for a request (on either engine), or null for a 404. */
async function page(
  source: DashboardSource,
  access: Access,
  name: PageName,
  week: string,
  query: Record<string, string> = {},
): Promise<PageData | null> {
  const ctx: PageContext = { source, access, week, locale: 'zh-CN', query };
  try {
    return await source.build(() => buildPage(name, ctx));
  } catch (error) {
    if (error instanceof PageNotFound) return null;
    throw error;
  }
}

/** The week's analysed view, read as a page reads it. */
export const viewOf = (source: DashboardSource, week: string) => source.build(() => source.view(week));

const num = (x: unknown): x is number => typeof x === 'number';
export const coverage = {
  /** Overlap rows with member figures seen over all runs (the generator must reach some). */
  overlapsShown: 0,
  /** Overlap rows between a group in scope and one outside it (their figures must be hidden). */
  overlapsOutOfScope: 0,
};

/** Every shown message figure of every page for one scope, as equations; people figures checked. */
export async function shownEquations(t: Town, source: DashboardSource, access: Access): Promise<Equation[]> {
  const eq: Equation[] = [];
  const visibleUnits = t.units
    .map((_, u) => u)
    .filter((u) => access.units === null || access.units.has(unitName(u)));
  const groupsOf = (u: number) => (t.units[u] ?? []).map((_, g) => groupId(u, g));
  const scopeGroups = visibleUnits.flatMap(groupsOf);
  const people = (value: unknown, where: string) => {
    if (num(value)) expect(value, where).toSatisfy((n: number) => n === 0 || n >= MIN);
  };
  const unitOfLabel = new Map(visibleUnits.map((u) => [unitName(u), u]));
  const groupOfName = new Map(scopeGroups.map((g) => [g.replace('@chatroom', ''), g]));
  for (const week of WEEKS) {
    const prev = week === WEEKS[1] ? WEEKS[0] : null;
    const overview = (await page(source, access, 'overview', week)) as PageData;
    const kpi = (p: PageData, key: string) => p.kpis.find((k) => k.key === key);
    if (num(kpi(overview, 'messages')?.value)) eq.push(sumOf(scopeGroups.map((g) => msg(g, week))));
    people(kpi(overview, 'people')?.value, `${week} overview people`);
    for (const row of overview.tables.find((x) => x.name === 'units')?.rows ?? []) {
      const u = unitOfLabel.get(String(row.cells.unit)) as number;
      if (num(row.cells.messages)) eq.push(sumOf(groupsOf(u).map((g) => msg(g, week))));
      people(row.cells.people, `${week} unit row people`);
    }
    for (const row of overview.tables.find((x) => x.name === 'trend')?.rows ?? [])
      if (num(row.cells.messages)) eq.push(sumOf(scopeGroups.map((g) => msg(g, String(row.cells.week)))));

    for (const u of visibleUnits) {
      const p = await page(source, access, 'unit', week, { u: unitName(u) });
      if (!p) continue;
      if (num(kpi(p, 'messages')?.value)) eq.push(sumOf(groupsOf(u).map((g) => msg(g, week))));
      people(kpi(p, 'people')?.value, `${week} unit people`);
      const weekly = p.charts.find((c) => c.id === 'weeklyMessages');
      weekly?.series[0]?.data.forEach((v, i) => {
        if (num(v)) eq.push(sumOf(groupsOf(u).map((g) => msg(g, weekly.categories[i] as string))));
      });
      for (const row of p.tables.find((x) => x.name === 'groups')?.rows ?? []) {
        const g = groupOfName.get(String(row.cells.group)) as string;
        if (num(row.cells.messages)) eq.push(sumOf([msg(g, week)]));
        if (num(row.cells.previousMessages) && prev) eq.push(sumOf([msg(g, prev)]));
        people(row.cells.members, `${week} group row members`);
      }
    }
    for (const g of scopeGroups) {
      const p = await page(source, access, 'group', week, { id: g });
      if (!p) continue;
      // Shared members with Jaccard and containment give both groups' sizes: only between groups in
      // scope that both have 5+ members.
      for (const row of p.tables.find((x) => x.name === 'overlaps')?.rows ?? []) {
        if (!groupOfName.has(String(row.cells.otherGroup))) coverage.overlapsOutOfScope++;
        if (row.cells.sharedMembers === null) continue;
        coverage.overlapsShown++;
        for (const name of [row.cells.group, row.cells.otherGroup]) {
          const other = groupOfName.get(String(name));
          expect(other, `${week} an overlap with a group outside the scope shows its members`).toBeDefined();
          const size = (await viewOf(source, week)).analysis.data.members.get(other as string)?.length ?? 0;
          expect(size, `${week} an overlap shows members of a small group`).toBeGreaterThanOrEqual(MIN);
        }
      }
      const m = kpi(p, 'messages');
      if (num(m?.value)) eq.push(sumOf([msg(g, week)]));
      if (num(m?.change) && prev)
        eq.push(
          new Map([
            [msg(g, week), 1],
            [msg(g, prev), -1],
          ]),
        );
      people(kpi(p, 'members')?.value, `${week} group members`);
      const weekly = p.charts.find((c) => c.id === 'weeklyMessages');
      weekly?.series[0]?.data.forEach((v, i) => {
        if (num(v)) eq.push(sumOf([msg(g, weekly.categories[i] as string)]));
      });
    }
    const notices = (await page(source, access, 'notices', week)) as PageData;
    const clusters = (await viewOf(source, week)).analysis.findings.duplicates;
    for (const row of notices.tables.find((x) => x.name === 'notices')?.rows ?? []) {
      const c = clusters.find((x) => x.id === row.cells.id);
      if (c && num(row.cells.copies)) eq.push(sumOf(c.groupIds.map((g) => copy(week, c.id, g))));
    }
    for (const row of notices.tables.find((x) => x.name === 'deliveries')?.rows ?? []) {
      const g = groupOfName.get(String(row.cells.group));
      expect(g, `${week} a delivery names a group outside the scope`).toBeDefined();
      if (num(row.cells.copies)) eq.push(sumOf([copy(week, String(row.cells.id), g as string)]));
    }
  }
  return eq;
}

/** Checks the invariant for the town's every scope over `source` (a dashboard over the town's store). */
export async function checkTown(t: Town, source: DashboardSource): Promise<void> {
  for (const access of [
    { supervisorId: 'all', units: null },
    ...(t.scope ? [{ supervisorId: 'some', units: new Set(t.scope.map(unitName)) }] : []),
  ] as Access[]) {
    const members = new Map<string, readonly string[]>();
    for (const week of WEEKS)
      for (const [g, list] of (await viewOf(source, week)).analysis.data.members)
        members.set(`${week}|${g}`, list);
    const peopleOf = (v: string) => {
      const [, week, ...rest] = v.split('|');
      return members.get(`${week}|${rest[rest.length - 1]}`) ?? [];
    };
    const eqs = await shownEquations(t, source, access);
    const leak = isolated(eqs, peopleOf);
    expect(
      leak,
      `${JSON.stringify(t)} scope ${JSON.stringify(access.units && [...access.units])}`,
    ).toBeNull();
  }
}

/** A 3-member group alone in one unit, a second unit of one 6-member group, a third of 9. */
export const HARD_TOWN: Town = {
  units: [
    [
      {
        roster: [
          [0, 3],
          [0, 3],
        ],
        chat: [2, 4],
        notices: [1, 1],
      },
    ],
    [
      {
        roster: [
          [0, 6],
          [0, 6],
        ],
        chat: [3, 5],
        notices: [1, 1],
      },
    ],
    [
      {
        roster: [
          [0, 9],
          [0, 9],
        ],
        chat: [1, 2],
        notices: [0, 1],
      },
    ],
  ],
  scope: null,
};

/**
 * The hard case of issue 13 over `source` (a dashboard over HARD_TOWN): what the pages show isolates
 * nobody, and the solver does find the leak if one more figure (the 6-member group) is shown.
 */
export async function checkHardTown(source: DashboardSource): Promise<void> {
  const access: Access = { supervisorId: 'all', units: null };
  const eq = await shownEquations(HARD_TOWN, source, access);
  const views = new Map<string, Map<string, string[]>>();
  for (const week of WEEKS) views.set(week, (await viewOf(source, week)).analysis.data.members);
  const members = (v: string) => {
    const [, week, ...rest] = v.split('|');
    return views.get(week as string)?.get(rest[rest.length - 1] as string) ?? [];
  };
  expect(isolated(eq, members)).toBeNull();
  expect(isolated([...eq, sumOf([msg(groupId(1, 0), WEEKS[1])])], members)).not.toBeNull();
}
