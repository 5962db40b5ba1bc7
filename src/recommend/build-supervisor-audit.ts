import { analyseStoredWeek, type StoredWeekAnalysis } from '../analysis/analyse-stored-week.js';
import { weekBounds, weekOf } from '../analysis/week-bounds.js';
import { createWorkCalendar } from '../analysis/work-calendar.js';
import type { Config } from '../config/schema.js';
import { readGroupLifecycles } from '../store/read-group-lifecycle.js';
import { readMessageSpan } from '../store/read-message-span.js';
import type { Store } from '../store/store.js';
import { auditBreaches, ownerDistribution } from './audit-breaches.js';
import { type AuditGroup, auditRows } from './audit-rows.js';
import { cellsToHide } from './cells-to-hide.js';
import { disclosureCells, planDisclosure } from './disclosure-plan.js';
import type { SupervisorAudit } from './supervisor-audit.js';
import { weekNotices } from './week-notices.js';

export interface BuildSupervisorAuditOptions {
  /** A supervisor from config.org.supervisors: their `units` (when not empty) limit the audit. */
  supervisorId?: string;
  /** Units to limit the audit to (overrides the supervisor's). */
  units?: readonly string[];
  /** An analysis of the same week already made. */
  analysis?: StoredWeekAnalysis;
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
  const groups: AuditGroup[] = readGroupLifecycles(store)
    .map((facts) => ({ facts, unit: facts.unit ?? config.org.groupUnits[facts.id] ?? null }))
    .filter((g) => inScope === null || (g.unit !== null && inScope.has(g.unit)));

  const { first } = readMessageSpan(store);
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
  };
}
