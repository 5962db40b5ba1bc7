import type { WeeklyReport } from '../analysis/weekly-report.js';
import type { Recommendation } from './recommendation.js';

/** What the weekly report's JSON carries per recommendation (docs/report-schema.md). */
export interface ReportRecommendation {
  id: string;
  kind: string;
  groupIds: string[];
  ownerId: string | null;
  keepGroupId: string | null;
  reason: string;
  status: Recommendation['status'];
  savings: Recommendation['savings'];
}

/**
 * The report with its `recommendations` filled: those about any of the report's groups (all of
 * them, or the one `--group` chose), dismissed ones left out, in the recommendations' order.
 * Call after buildWeeklyReport; the report itself is not changed.
 */
export function withRecommendations(
  report: WeeklyReport,
  recommendations: readonly Recommendation[],
): WeeklyReport {
  const shown = new Set(report.groups.map((g) => g.id));
  const list: ReportRecommendation[] = recommendations
    .filter((r) => r.status !== 'dismissed' && r.groupIds.some((g) => shown.has(g)))
    .map((r) => ({
      id: r.id,
      kind: r.kind,
      groupIds: r.groupIds,
      ownerId: r.ownerId,
      keepGroupId: r.keepGroupId,
      reason: r.reason,
      status: r.status,
      savings: r.savings,
    }));
  return { ...report, recommendations: list };
}
