import type { StoreCore } from './store-core.js';

/** A file of a watched folder as last imported. */
export interface WatchedFile {
  path: string;
  size: number;
  mtime: number;
  sha256: string;
  importedAt: number;
  /** The importer's report (JSON text). */
  report: string;
}

/**
 * What unattended ingestion remembers between runs (`qingqun run`): where polling an incremental
 * source stopped, and which files of a watched folder were imported, with the importer's report.
 */
export class IngestState {
  constructor(private readonly store: StoreCore) {}

  /** A value remembered by an incremental source (e.g. chatlog's HTTP API: where polling stopped). */
  cursor(source: string): string | undefined {
    return this.store.sql.pluck('SELECT value FROM ingest_cursors WHERE source = ?').get(source) as
      | string
      | undefined;
  }

  setCursor(source: string, value: string, now: number): void {
    this.store.sql
      .get(`INSERT INTO ingest_cursors (source, value, updated_at) VALUES (?, ?, ?)
      ON CONFLICT (source) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`)
      .run(source, value, now);
  }

  watchedFile(path: string): WatchedFile | undefined {
    return this.store.sql
      .get(
        'SELECT path, size, mtime, sha256, imported_at AS importedAt, report FROM watched_files WHERE path = ?',
      )
      .get(path) as WatchedFile | undefined;
  }

  saveWatchedFile(file: WatchedFile): void {
    this.store.sql
      .get(`INSERT INTO watched_files (path, size, mtime, sha256, imported_at, report)
      VALUES (@path, @size, @mtime, @sha256, @importedAt, @report)
      ON CONFLICT (path) DO UPDATE SET size = excluded.size, mtime = excluded.mtime, sha256 = excluded.sha256,
        imported_at = excluded.imported_at, report = excluded.report`)
      .run(file);
  }

  watchedFiles(): WatchedFile[] {
    return this.store.sql
      .get(
        'SELECT path, size, mtime, sha256, imported_at AS importedAt, report FROM watched_files ORDER BY imported_at',
      )
      .all() as WatchedFile[];
  }
}
