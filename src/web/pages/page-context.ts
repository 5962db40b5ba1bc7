import { shiftWeek } from '../../calendar/weeks.js';
import type { Group } from '../../model/group.js';
import type { Locale } from '../../model/locale.js';
import type { DisclosurePlan } from '../../recommend/disclosure-plan.js';
import { type Access, accessScope, canSeeUnit } from '../access.js';
import type { DashboardSource } from '../data/dashboard-source.js';
import type { WeekView } from '../data/week-view.js';
import { type WebText, webText } from '../views/web-text.js';
import type { PageData, PageName } from './page-data.js';

/** What a page builder reads: the data source, who is looking, the week and the request's query. */
export interface PageContext {
  source: DashboardSource;
  access: Access;
  week: string;
  locale: Locale;
  /** The request's query parameters (subject and filters). */
  query: Readonly<Record<string, string>>;
}

/** Helpers every builder uses, bound to one request. */
export function pageTools(ctx: PageContext) {
  const { source, access } = ctx;
  const view: WeekView = source.view(ctx.week);
  /** The one rule of what is hidden (planDisclosure), for this week and the viewer's scope. */
  const plan = source.plan(ctx.week, access);
  const t: WebText = webText(ctx.locale);
  const groups = groupIndex(source);
  const unitOf = (groupId: string): string | null => groups.get(groupId)?.unit ?? null;
  const visible = (groupId: string) => groups.has(groupId) && canSeeUnit(access, unitOf(groupId));
  /** Whether a group's member-derived figures may be shown: in scope and not hidden by the plan. */
  const shows = (groupId: string) => visible(groupId) && !plan.groupHidden(groupId);
  /** The plan of the week before (for "last week" figures), made only when asked for. */
  let previous: DisclosurePlan | undefined;
  const previousPlan = () => {
    previous ??= source.plan(shiftWeek(ctx.week, -1, source.config.timezone), access);
    return previous;
  };
  const group = (groupId: string): Group | undefined => groups.get(groupId)?.group;
  /** A group's name as the viewer may see it. */
  const groupName = (groupId: string) => (visible(groupId) ? group(groupId)?.name || groupId : t.outOfScope);
  const groupLink = (groupId: string) =>
    visible(groupId) ? link('/group', { id: groupId, week: ctx.week }) : undefined;
  const unitLabel = (unit: string | null) => unit ?? t.unassigned;
  const unitLink = (unit: string | null) => link('/unit', { u: unit ?? '', week: ctx.week });
  return {
    view,
    plan,
    previousPlan,
    t,
    unitOf,
    visible,
    shows,
    group,
    groupName,
    groupLink,
    unitLabel,
    unitLink,
  };
}

export type PageTools = ReturnType<typeof pageTools>;

/** Every group ever stored, with its unit (the source's, else config.org.groupUnits). */
function groupIndex(source: DashboardSource): GroupIndex {
  const facts = source.lifecycles();
  let index = indexes.get(facts);
  if (!index) {
    const units = source.config.org.groupUnits;
    index = new Map(facts.map((g) => [g.id, { group: g, unit: g.unit ?? units[g.id] ?? null }]));
    indexes.set(facts, index);
  }
  return index;
}

type GroupIndex = Map<string, { group: Group; unit: string | null }>;
/** Built once per read of the groups (the source keeps that array until the store changes). */
const indexes = new WeakMap<object, GroupIndex>();

/** A path with a query string; empty values are kept (an empty unit is the unassigned one). */
export function link(path: string, query: Record<string, string>): string {
  const q = new URLSearchParams(query).toString();
  return q === '' ? path : `${path}?${q}`;
}

/** The frame every page shares; builders fill in the rest. */
export function pageFrame(
  ctx: PageContext,
  page: PageName,
  subject: string | null,
  query: Record<string, string>,
): Pick<PageData, 'page' | 'week' | 'weeks' | 'timezone' | 'scope' | 'minPeople' | 'subject' | 'query'> {
  const { source } = ctx;
  const latest = source.defaultWeek();
  // ISO week strings sort as the weeks do.
  const upTo = [ctx.week, latest].sort()[1] as string;
  return {
    page,
    week: ctx.week,
    weeks: source.storedWeeks(upTo).reverse(),
    timezone: source.config.timezone,
    scope: accessScope(ctx.access),
    minPeople: source.config.recommend.minPeople,
    subject,
    query,
  };
}
