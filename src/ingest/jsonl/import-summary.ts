/** What a JSON Lines import did, per record kind, per file and in total. */
export interface KindCounts {
  /** New rows stored. */
  imported: number;
  /** Groups and contacts already stored whose description or roster the record changed (messages: always 0). */
  updated: number;
  /** Already stored exactly so; nothing changed. */
  duplicate: number;
  /** Bad lines of this kind; each was reported as an ImportProblem. */
  rejected: number;
}

export interface ImportCounts {
  groups: KindCounts;
  contacts: KindCounts;
  messages: KindCounts;
  /**
   * Bad lines whose kind could not be told (bad bytes, invalid JSON, missing or unknown kind), plus 1
   * for a file that could not be read (to its end).
   */
  unreadable: number;
  /** All rejections: the kinds' `rejected` plus `unreadable`. Non-zero means the import was incomplete. */
  rejected: number;
}

export interface FileImportSummary extends ImportCounts {
  file: string;
  /** Lines read, blank ones included. */
  lines: number;
}

export interface ImportSummary extends ImportCounts {
  files: FileImportSummary[];
}

export function emptyCounts(): ImportCounts {
  const kind = (): KindCounts => ({ imported: 0, updated: 0, duplicate: 0, rejected: 0 });
  return { groups: kind(), contacts: kind(), messages: kind(), unreadable: 0, rejected: 0 };
}

/** Adds `from` into `into`. */
export function addCounts(into: ImportCounts, from: ImportCounts): void {
  for (const kind of ['groups', 'contacts', 'messages'] as const) {
    into[kind].imported += from[kind].imported;
    into[kind].updated += from[kind].updated;
    into[kind].duplicate += from[kind].duplicate;
    into[kind].rejected += from[kind].rejected;
  }
  into.unreadable += from.unreadable;
  into.rejected += from.rejected;
}
