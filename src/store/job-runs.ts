import type { Statement } from 'better-sqlite3';
import type { StoreCore } from './store-core.js';

export type JobRunStatus = 'running' | 'done' | 'failed';

export interface JobRunRow {
  periodKey: string;
  job: string;
  scheduledAt: number;
  status: JobRunStatus;
  attempts: number;
  startedAt: number;
  finishedAt: number | null;
  lastError: string | null;
}

const COLUMNS = `period_key AS periodKey, job, scheduled_at AS scheduledAt, status, attempts,
  started_at AS startedAt, finished_at AS finishedAt, last_error AS lastError`;

const SQL = {
  since: 'INSERT INTO job_schedules (job, first_scheduled_at) VALUES (?, ?) ON CONFLICT (job) DO NOTHING',
  getSince: 'SELECT first_scheduled_at FROM job_schedules WHERE job = ?',
  claim: `
        INSERT INTO job_runs (period_key, job, scheduled_at, status, attempts, started_at)
        VALUES (?, ?, ?, 'running', 1, ?)
        ON CONFLICT (period_key) DO UPDATE SET status = 'running', attempts = job_runs.attempts + 1,
          started_at = excluded.started_at, finished_at = NULL
        WHERE job_runs.status <> 'done' AND job_runs.attempts < ?`,
  finish: `UPDATE job_runs SET status = ?, finished_at = ?, last_error = ? WHERE period_key = ? AND status = 'running'`,
  lastDone: `SELECT MAX(scheduled_at) FROM job_runs WHERE job = ? AND status = 'done' AND scheduled_at < ?`,
  get: `SELECT ${COLUMNS} FROM job_runs WHERE period_key = ?`,
  list: `SELECT ${COLUMNS} FROM job_runs ORDER BY scheduled_at, period_key`,
};

/**
 * Which scheduled job periods have run (migration 2). A period key such as 'weeklyDigest:2026-W48'
 * is claimed at most once at a time and, once 'done', never again: that is what makes a restart
 * neither repeat nor skip a period. `job_schedules` remembers since when each job has been scheduled,
 * so a first start does not "catch up" periods from before the bot existed.
 */
export class JobRuns {
  constructor(private readonly store: StoreCore) {}

  private q(name: Exclude<keyof typeof SQL, 'getSince' | 'lastDone'>): Statement {
    return this.store.sql.get(SQL[name]);
  }

  private plucked(name: 'getSince' | 'lastDone'): Statement {
    return this.store.sql.pluck(SQL[name]);
  }

  /** Records that `job` is scheduled from `now` on, unless it already was; returns the first time. */
  scheduledSince(job: string, now: number): number {
    this.q('since').run(job, now);
    return this.plucked('getSince').get(job) as number;
  }

  /**
   * Claims a period to run it: true if it was never run, or its last run failed or was interrupted
   * and fewer than `maxAttempts` runs were made. False if it is done or has used up its attempts.
   */
  claim(periodKey: string, job: string, scheduledAt: number, now: number, maxAttempts: number): boolean {
    return this.q('claim').run(periodKey, job, scheduledAt, now, maxAttempts).changes === 1;
  }

  finish(periodKey: string, outcome: { ok: true } | { ok: false; error: string }, now: number): void {
    this.q('finish').run(outcome.ok ? 'done' : 'failed', now, outcome.ok ? null : outcome.error, periodKey);
  }

  /** The scheduled time of the last completed run of `job` scheduled before `before`. */
  lastDoneBefore(job: string, before: number): number | undefined {
    return (this.plucked('lastDone').get(job, before) as number | null) ?? undefined;
  }

  get(periodKey: string): JobRunRow | undefined {
    return this.q('get').get(periodKey) as JobRunRow | undefined;
  }

  list(): JobRunRow[] {
    return this.q('list').all() as JobRunRow[];
  }
}
