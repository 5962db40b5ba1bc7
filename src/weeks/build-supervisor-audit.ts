import { shiftWeek, weekBounds, weekOf } from '../calendar/weeks.js';
import { createWorkCalendar } from '../calendar/work-calendar.js';
import type { Config } from '../config/schema.js';
import { auditBreaches, ownerDistribution } from '../recommend/audit-breaches.js';
import { type AuditGroup, auditRows } from '../recommend/audit-rows.js';
import { cellsToHide } from '../recommend/cells-to-hide.js';
import { consolidationPlan } from '../recommend/consolidation-plan.js';
import { disclosureCells, planDisclosure } from '../recommend/disclosure-plan.js';
import { existsAt } from '../recommend/group-lifecycle.js';
import { groupsPerMember, type UnitGroups } from '../recommend/groups-per-member.js';
import type { Recommendation } from '../recommend/recommendation.js';
import {
  type RecommendationEffect,
  recommendationEffects,
  type WeekBurden,
  weekBurden,
} from '../recommend/recommendation-effect.js';
import type { SupervisorAudit } from '../recommend/supervisor-audit.js';
import { weekNotices } from '../recommend/week-notices.js';
import type { GroupFacts } from '../store/groups.js';
import type { RecommendationStatusRow } from '../store/recommendations.js';
import type { Store } from '../store/store.js';
import type { StoreReads } from '../store/store-reads.js';
import type { StoredWeekAnalysis } from './stored-week.js';
import { WeekAnalyses } from './week-analyses.js';

/**
 * Everything the audit of one week reads besides that week's analysis and recommendations, loaded
 * once from either engine (loadAuditInputs, auditInputsNow) and shared by every scope built from it
 * (each supervisor's audit of the week). Holds no store: buildSupervisorAudit is pure over it.
 */
export interface AuditInputs {
  week: string;
  /** Every group's lifecycle facts, by id (StoreReads.groupLifecycles). */
  lifecycles: GroupFacts[];
  /** The week of the first stored message (null: none stored). */
  firstWeek: string | null;
  /** The rosters in effect at the end of each earlier week of the trend (the week itself uses its analysis). */
  trendRosters: Map<string, Map<string, string[]>>;
  /** Every stored recommendation status, newest answer first. */
  statuses: RecommendationStatusRow[];
  /**
   * The burden of each week before `week` an accepted recommendation's effect is followed through
   * (at most EFFECT_WEEKS back, from the earliest accepted week of any scope), by week.
   */
  effectBurdens: Map<string, WeekBurden>;
}

export interface BuildSupervisorAuditOptions {
  /** A supervisor from config.org.supervisors: their `units` (when not empty) limit the audit. */
  supervisorId?: string;
  /** Units to limit the audit to (overrides the supervisor's). */
  units?: readonly string[];
  /** The week's analysis. */
  analysis: StoredWeekAnalysis;
  /** The week's recommendations (for the plan). */
  recommendations: readonly Recommendation[];
}

/** Accepted recommendations are followed for at most this many weeks after the week they were accepted in. */
const EFFECT_WEEKS = 12;

/** The earlier weeks of the trend of `week`, oldest first (from the first stored week on). */
function trendWeeks(config: Config, week: string, firstWeek: string | null): string[] {
  const start = firstWeek === null ? week : firstWeek;
  const out: string[] = [];
  for (let i = config.web.trendWeeks - 1; i >= 1; i--) {
    const w = shiftWeek(week, -i, config.timezone);
    if (w >= start) out.push(w);
  }
  return out;
}

/** The weeks before `week` whose burden the effects of `statuses` read, oldest first. */
function effectWeeks(config: Config, week: string, statuses: readonly RecommendationStatusRow[]): string[] {
  const accepted = statuses.filter((r) => r.status === 'accepted' && r.week <= week);
  if (accepted.length === 0) return [];
  const earliest = accepted.map((r) => r.week).sort()[0] ?? week;
  const out: string[] = [];
  for (let i = EFFECT_WEEKS; i >= 1; i--) {
    const w = shiftWeek(week, -i, config.timezone);
    if (w >= earliest) out.push(w);
  }
  return out;
}

/** The store reads the audit needs (StoreReads has them on either engine). */
export type AuditReads = Pick<
  StoreReads,
  'groupLifecycles' | 'rostersAt' | 'recommendationStatuses' | 'messageSpan'
>;

/**
 * Loads what the audit of `week` reads, from either engine; `analysisOf` analyses an earlier week
 * (the week-analysis service's, so each is analysed once).
 */
export async function loadAuditInputs(
  reads: AuditReads,
  config: Config,
  week: string,
  analysisOf: (week: string) => Promise<StoredWeekAnalysis>,
): Promise<AuditInputs> {
  const lifecycles = await reads.groupLifecycles();
  const { first } = await reads.messageSpan();
  const firstWeek = first === null ? null : weekOf(first, config.timezone);
  const trendRosters = new Map<string, Map<string, string[]>>();
  for (const w of trendWeeks(config, week, firstWeek)) {
    trendRosters.set(w, await reads.rostersAt(weekBounds(w, config.timezone).to));
  }
  const statuses = await reads.recommendationStatuses();
  const effectBurdens = new Map<string, WeekBurden>();
  for (const w of effectWeeks(config, week, statuses)) {
    const a = await analysisOf(w);
    effectBurdens.set(w, weekBurden(a.data, a.findings));
  }
  return { week, lifecycles, firstWeek, trendRosters, statuses, effectBurdens };
}

/** loadAuditInputs over a SQLite store, answered at once (for the callers that are synchronous). */
export function auditInputsNow(
  store: Store,
  config: Config,
  week: string,
  analysisOf: (week: string) => StoredWeekAnalysis,
): AuditInputs {
  const lifecycles = store.groups.lifecycles();
  const { first } = store.messages.span();
  const firstWeek = first === null ? null : weekOf(first, config.timezone);
  const trendRosters = new Map<string, Map<string, string[]>>();
  for (const w of trendWeeks(config, week, firstWeek)) {
    trendRosters.set(w, store.snapshots.rostersAt(weekBounds(w, config.timezone).to));
  }
  const statuses = store.recommendations.statuses();
  const effectBurdens = new Map<string, WeekBurden>();
  for (const w of effectWeeks(config, week, statuses)) {
    const a = analysisOf(w);
    effectBurdens.set(w, weekBurden(a.data, a.findings));
  }
  return { week, lifecycles, firstWeek, trendRosters, statuses, effectBurdens };
}

/** The audit's groups that exist at `at`, by unit (units sorted as the rows are, the unassigned last). */
function unitGroupsAt(groups: readonly AuditGroup[], at: number): UnitGroups[] {
  const byUnit = new Map<string | null, string[]>();
  for (const g of groups) {
    if (!existsAt(g.facts, at)) continue;
    const list = byUnit.get(g.unit);
    if (list) list.push(g.facts.id);
    else byUnit.set(g.unit, [g.facts.id]);
  }
  return [...byUnit.entries()]
    .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b, 'zh-CN')))
    .map(([unit, groupIds]) => ({ unit, groupIds }));
}

/**
 * The supervisors' audit of `week` (see SupervisorAudit and docs/RECOMMENDATIONS.md, "The
 * supervisors' audit"), pure over what was loaded. Throws a RangeError for a supervisor id that is
 * not configured, so nobody gets an unscoped audit by mistyping one.
 */
export function buildSupervisorAudit(
  inputs: AuditInputs,
  config: Config,
  week: string,
  options: BuildSupervisorAuditOptions,
): SupervisorAudit {
  if (inputs.week !== week) throw new RangeError(`audit: inputs of ${inputs.week} given for ${week}`);
  let scope: string[] | null = options.units && options.units.length > 0 ? [...options.units] : null;
  if (options.supervisorId !== undefined && scope === null) {
    const supervisor = config.org.supervisors.find((s) => s.id === options.supervisorId);
    if (!supervisor) throw new RangeError(`supervisor: "${options.supervisorId}" is not in org.supervisors`);
    scope = supervisor.units.length > 0 ? [...supervisor.units] : null;
  }
  const { analysis } = options;
  const { data, findings } = analysis;
  const calendar = createWorkCalendar(config);
  const { minPeople, policies } = config.recommend;

  const inScope = scope === null ? null : new Set(scope);
  const groups: AuditGroup[] = inputs.lifecycles
    .map((facts) => ({ facts, unit: facts.unit ?? config.org.groupUnits[facts.id] ?? null }))
    .filter((g) => inScope === null || (g.unit !== null && inScope.has(g.unit)));

  const { firstWeek } = inputs;
  const firstWeekEnd =
    firstWeek === null || firstWeek > week ? null : weekBounds(firstWeek, config.timezone).to;
  const notices = weekNotices(data, findings);
  const plan = planDisclosure(disclosureCells(groups, data.members, data.from, data.to), minPeople);
  const { total, units } = auditRows({ groups, data, findings, notices, firstWeekEnd, plan });
  const { breaches, hidden } = auditBreaches({
    groups,
    units,
    data,
    findings,
    notices,
    calendar,
    policies,
    plan,
  });
  const { maxGroupsPerMember: limit } = policies;
  const scopeGroups = new Set(groups.map((g) => g.facts.id));
  const inScopeGroup = (g: string) => scopeGroups.has(g);
  const now = unitGroupsAt(groups, data.to);
  const trendStart = firstWeek === null ? week : firstWeek;
  const trend = [];
  for (let i = config.web.trendWeeks - 1; i >= 0; i--) {
    const w = shiftWeek(week, -i, config.timezone);
    if (w < trendStart) continue;
    const to = weekBounds(w, config.timezone).to;
    const rosters = i === 0 ? data.members : inputs.trendRosters.get(w);
    if (rosters === undefined) throw new RangeError(`audit: no rosters loaded for ${w}`);
    trend.push({ week: w, ...groupsPerMember(unitGroupsAt(groups, to), rosters, limit, minPeople).overall });
  }
  const effects = acceptedEffects(inputs, config, week, analysis, groups, (g) => inScopeGroup(g));
  return {
    week,
    from: new Date(data.from).toISOString(),
    to: new Date(data.to).toISOString(),
    timezone: config.timezone,
    firstWeek,
    scope,
    minPeople,
    total,
    units,
    owners: ownerDistribution(groups, data.to, minPeople, (sizes) => cellsToHide(sizes, minPeople)),
    breaches,
    hiddenBreaches: hidden,
    policies,
    groupsPerMember: groupsPerMember(now, data.members, limit, minPeople),
    groupsPerMemberTrend: trend,
    plan: consolidationPlan(now, data.members, options.recommendations, limit, minPeople),
    effects,
    // Requests with a group in scope; the groups outside it are not named.
    repeatedRequests: findings.repeatedRequests
      .map((r) => ({ ...r, groupIds: r.groupIds.filter((g) => inScopeGroup(g)) }))
      .filter((r) => r.groupIds.length > 0),
  };
}

/**
 * The effect of the accepted recommendations about groups in scope, up to `week`: each week from
 * the earliest acceptance (at most EFFECT_WEEKS back) reduced to its burden (loaded in the inputs).
 */
function acceptedEffects(
  inputs: AuditInputs,
  config: Config,
  week: string,
  analysis: StoredWeekAnalysis,
  groups: readonly AuditGroup[],
  inScope: (groupId: string) => boolean,
): RecommendationEffect[] {
  const accepted = inputs.statuses.filter(
    (r) => r.status === 'accepted' && r.week <= week && r.groupIds.some(inScope),
  );
  if (accepted.length === 0) return [];
  const earliest = accepted.map((r) => r.week).sort()[0] ?? week;
  const burdens: WeekBurden[] = [];
  for (let i = EFFECT_WEEKS; i >= 0; i--) {
    const w = shiftWeek(week, -i, config.timezone);
    if (w < earliest) continue;
    const burden = i === 0 ? weekBurden(analysis.data, analysis.findings) : inputs.effectBurdens.get(w);
    if (burden === undefined) throw new RangeError(`audit: no burden loaded for ${w}`);
    burdens.push(burden);
  }
  const facts = new Map(groups.map((g) => [g.facts.id, g.facts]));
  return recommendationEffects(accepted, burdens, facts, config.recommend.minPeople);
}

/**
 * The audit of `week` from a SQLite store at once, through the week-analysis service `analyses`
 * (one for this call when absent): for synchronous callers and tests.
 */
export function supervisorAuditNow(
  store: Store,
  config: Config,
  week: string,
  options: { supervisorId?: string; units?: readonly string[]; analyses?: WeekAnalyses } = {},
): SupervisorAudit {
  const analyses = options.analyses ?? WeekAnalyses.forStore(store, config);
  return buildSupervisorAudit(
    auditInputsNow(store, config, week, (w) => analyses.analysisNow(w)),
    config,
    week,
    {
      supervisorId: options.supervisorId,
      units: options.units,
      analysis: analyses.analysisNow(week),
      recommendations: analyses.recommendationsNow(week),
    },
  );
}
