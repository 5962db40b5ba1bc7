import type { Db } from './open-database.js';

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

/**
 * Which scheduled job periods have run (migration 2). A period key such as 'weeklyDigest:2026-W48'
 * is claimed at most once at a time and, once 'done', never again: that is what makes a restart
 * neither repeat nor skip a period. `job_schedules` remembers since when each job has been scheduled,
 * so a first start does not "catch up" periods from before the bot existed.
 */
export class JobRuns {
  private readonly s;

  constructor(readonly db: Db) {
    this.s = {
      since: db.prepare(
        'INSERT INTO job_schedules (job, first_scheduled_at) VALUES (?, ?) ON CONFLICT (job) DO NOTHING',
      ),
      getSince: db.prepare('SELECT first_scheduled_at FROM job_schedules WHERE job = ?').pluck(),
      claim: db.prepare(`
        INSERT INTO job_runs (period_key, job, scheduled_at, status, attempts, started_at)
        VALUES (?, ?, ?, 'running', 1, ?)
        ON CONFLICT (period_key) DO UPDATE SET status = 'running', attempts = job_runs.attempts + 1,
          started_at = excluded.started_at, finished_at = NULL
        WHERE job_runs.status <> 'done' AND job_runs.attempts < ?`),
      finish: db.prepare(
        `UPDATE job_runs SET status = ?, finished_at = ?, last_error = ? WHERE period_key = ? AND status = 'running'`,
      ),
      lastDone: db
        .prepare(
          `SELECT MAX(scheduled_at) FROM job_runs WHERE job = ? AND status = 'done' AND scheduled_at < ?`,
        )
        .pluck(),
      get: db.prepare(`SELECT ${COLUMNS} FROM job_runs WHERE period_key = ?`),
      list: db.prepare(`SELECT ${COLUMNS} FROM job_runs ORDER BY scheduled_at, period_key`),
    };
  }

  /** Records that `job` is scheduled from `now` on, unless it already was; returns the first time. */
  scheduledSince(job: string, now: number): number {
    this.s.since.run(job, now);
    return this.s.getSince.get(job) as number;
  }

  /**
   * Claims a period to run it: true if it was never run, or its last run failed or was interrupted
   * and fewer than `maxAttempts` runs were made. False if it is done or has used up its attempts.
   */
  claim(periodKey: string, job: string, scheduledAt: number, now: number, maxAttempts: number): boolean {
    return this.s.claim.run(periodKey, job, scheduledAt, now, maxAttempts).changes === 1;
  }

  finish(periodKey: string, outcome: { ok: true } | { ok: false; error: string }, now: number): void {
    this.s.finish.run(outcome.ok ? 'done' : 'failed', now, outcome.ok ? null : outcome.error, periodKey);
  }

  /** The scheduled time of the last completed run of `job` scheduled before `before`. */
  lastDoneBefore(job: string, before: number): number | undefined {
    return (this.s.lastDone.get(job, before) as number | null) ?? undefined;
  }

  get(periodKey: string): JobRunRow | undefined {
    return this.s.get.get(periodKey) as JobRunRow | undefined;
  }

  list(): JobRunRow[] {
    return this.s.list.all() as JobRunRow[];
  }
}
