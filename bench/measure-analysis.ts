import type { AnalysisChildResult } from './analyse-week-child.js';
import { runChild } from './run-child.js';

/**
 * The weekly report of `week` in `db` (a SQLite path or a postgres:// URL), computed in a fresh
 * child process so that its peak RSS is the analysis's own. Rejects when the child fails.
 */
export function measureAnalysis(
  db: string,
  week: string,
  options: { phases?: boolean; nodeArgs?: string[] } = {},
): Promise<AnalysisChildResult> {
  return runChild<AnalysisChildResult>(
    './analyse-week-child.ts',
    [db, week, ...(options.phases ? ['--phases'] : [])],
    options.nodeArgs,
  );
}
