import type { ImportSummary } from './import-summary.js';

/**
 * The database refused a write for a reason that is not the line's fault (disk full, locked,
 * I/O error). Everything before `line` of `file` is committed; nothing is half-written; running
 * the same import again finishes the job (stored lines count as duplicates).
 */
export class ImportAbortedError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly summary: ImportSummary,
    options: { cause: unknown },
  ) {
    const reason = options.cause instanceof Error ? options.cause.message : String(options.cause);
    super(
      `${file}:${line}: cannot write to the database (${reason}); the lines before it are stored — ` +
        're-run the import to finish',
      options,
    );
    this.name = 'ImportAbortedError';
  }
}
