import { analyseStoredWeek, type StoredWeekAnalysis } from '../analysis/analyse-stored-week.js';
import { shiftWeek, weekBounds, weekOf } from '../calendar/weeks.js';
import { createWorkCalendar } from '../calendar/work-calendar.js';
import type { Config } from '../config/schema.js';
import type { Store } from '../store/store.js';
import { auditBreaches, ownerDistribution } from './audit-breaches.js';
import { type AuditGroup, auditRows } from './audit-rows.js';
import { cellsToHide } from './cells-to-hide.js';
import { consolidationPlan } from './consolidation-plan.js';
import { disclosureCells, planDisclosure } from './disclosure-plan.js';
import { existsAt } from './group-lifecycle.js';
import { groupsPerMember, type UnitGroups } from './groups-per-member.js';
import { recommendStoredWeek } from './recommend-stored-week.js';
import type { Recommendation } from './recommendation.js';
import { type RecommendationEffect, recommendationEffects, weekBurden } from './recommendation-effect.js';
import type { SupervisorAudit } from './supervisor-audit.js';
import { weekNotices } from './week-notices.js';

export interface BuildSupervisorAuditOptions {
  /** A supervisor from config.org.supervisors: their `units` (when not empty) limit the audit. */
  supervisorId?: string;
  /** Units to limit the audit to (overrides the supervisor's). */
  units?: readonly string[];
  /** An analysis of the same week already made. */
  analysis?: StoredWeekAnalysis;
  /** The week's recommendations already made (for the plan); made from the store when absent. */
  recommendations?: readonly Recommendation[];
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
 * supervisors' audit"). Throws a RangeError for a supervisor id that is not configured, so nobody
 * gets an unscoped audit by mistyping one. Reads the store only.
 */
export function buildSupervisorAudit(
  store: Store,
  config: Config,
  week: string,
  options: BuildSupervisorAuditOptions = {},
): SupervisorAudit {
  let scope: string[] | null = options.units && options.units.length > 0 ? [...options.units] : null;
  if (options.supervisorId !== undefined && scope === null) {
    const supervisor = config.org.supervisors.find((s) => s.id === options.supervisorId);
    if (!supervisor) throw new RangeError(`supervisor: "${options.supervisorId}" is not in org.supervisors`);
    scope = supervisor.units.length > 0 ? [...supervisor.units] : null;
  }
  const analysis = options.analysis ?? analyseStoredWeek(store, config, week);
  const { data, findings } = analysis;
  const calendar = createWorkCalendar(config);
  const { minPeople, policies } = config.recommend;

  const inScope = scope === null ? null : new Set(scope);
  const groups: AuditGroup[] = store.groups
    .lifecycles()
    .map((facts) => ({ facts, unit: facts.unit ?? config.org.groupUnits[facts.id] ?? null }))
    .filter((g) => inScope === null || (g.unit !== null && inScope.has(g.unit)));

  const { first } = store.messages.span();
  const firstWeek = first === null ? null : weekOf(first, config.timezone);
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
    const rosters = i === 0 ? data.members : store.snapshots.rostersAt(to);
    trend.push({ week: w, ...groupsPerMember(unitGroupsAt(groups, to), rosters, limit, minPeople).overall });
  }
  const recommendations =
    options.recommendations ?? recommendStoredWeek(store, config, week, analysis).recommendations;
  const effects = acceptedEffects(store, config, week, analysis, groups, (g) => inScopeGroup(g));
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
    plan: consolidationPlan(now, data.members, recommendations, limit, minPeople),
    effects,
    // Requests with a group in scope; the groups outside it are not named.
    repeatedRequests: findings.repeatedRequests
      .map((r) => ({ ...r, groupIds: r.groupIds.filter((g) => inScopeGroup(g)) }))
      .filter((r) => r.groupIds.length > 0),
  };
}

/** Accepted recommendations are followed for at most this many weeks after the week they were accepted in. */
const EFFECT_WEEKS = 12;

/**
 * The effect of the accepted recommendations about groups in scope, up to `week`: each week from
 * the earliest acceptance (at most EFFECT_WEEKS back) is analysed once and reduced to its burden.
 */
function acceptedEffects(
  store: Store,
  config: Config,
  week: string,
  analysis: StoredWeekAnalysis,
  groups: readonly AuditGroup[],
  inScope: (groupId: string) => boolean,
): RecommendationEffect[] {
  const accepted = store.recommendations
    .statuses()
    .filter((r) => r.status === 'accepted' && r.week <= week && r.groupIds.some(inScope));
  if (accepted.length === 0) return [];
  const earliest = accepted.map((r) => r.week).sort()[0] ?? week;
  const burdens = [];
  for (let i = EFFECT_WEEKS; i >= 0; i--) {
    const w = shiftWeek(week, -i, config.timezone);
    if (w < earliest) continue;
    const a = i === 0 ? analysis : analyseStoredWeek(store, config, w);
    burdens.push(weekBurden(a.data, a.findings));
  }
  const facts = new Map(groups.map((g) => [g.facts.id, g.facts]));
  return recommendationEffects(accepted, burdens, facts, config.recommend.minPeople);
}
