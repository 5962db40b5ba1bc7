/**
 * What an archive import did: the JSON Lines importer's counts (ImportSummary), plus per format what
 * was not stored as the platform meant it: unknown platform types (stored as 'other') and skipped
 * records (private chats, WeCom "switch" records), both by name.
 */
import {
  addCounts,
  emptyCounts,
  type FileImportSummary,
  type ImportSummary,
} from '../jsonl/import-summary.js';
import type { ArchiveFormat } from './archive-format.js';

export interface ArchiveFileSummary extends FileImportSummary {
  /** The format the file was read as; null when it was not recognised (then reported and counted unreadable). */
  format: ArchiveFormat | null;
  /** Raw type → messages of that type stored as 'other'. */
  unknownTypes: Record<string, number>;
  /** Reason → records read but not stored (e.g. `private`: not a group chat). */
  skipped: Record<string, number>;
}

export interface ArchiveImportSummary extends ImportSummary {
  files: ArchiveFileSummary[];
  unknownTypes: Record<string, number>;
  skipped: Record<string, number>;
}

export function emptyFileSummary(file: string): ArchiveFileSummary {
  return { file, lines: 0, format: null, unknownTypes: {}, skipped: {}, ...emptyCounts() };
}

export function emptyArchiveSummary(): ArchiveImportSummary {
  return { ...emptyCounts(), files: [], unknownTypes: {}, skipped: {} };
}

/** Adds a file's counts into the total. */
export function addFileSummary(total: ArchiveImportSummary, file: ArchiveFileSummary): void {
  addCounts(total, file);
  for (const [k, n] of Object.entries(file.unknownTypes))
    total.unknownTypes[k] = (total.unknownTypes[k] ?? 0) + n;
  for (const [k, n] of Object.entries(file.skipped)) total.skipped[k] = (total.skipped[k] ?? 0) + n;
}
