/**
 * What every format reader gets: where to put what it reads, how to read local times, and what the
 * roster says about groups an export names but does not identify. Readers report positions as the
 * file's line (CSV, JSON Lines) or, in a JSON document, line 0 with the record's path in the field
 * (`messages[12].type`), so every problem names where to look.
 */
import type { ArchiveItem } from './archive-item.js';
import type { ArchiveSink } from './archive-sink.js';
import type { ArchiveTimeParser } from './archive-time.js';

export interface ReadContext {
  file: string;
  /** The `source` messages are stored under. */
  source: string;
  time: ArchiveTimeParser;
  sink: ArchiveSink;
  /** Group name → group id, from roster files (WeChatMsg exports name their group but lack its id). */
  groupIdsByName: ReadonlyMap<string, string>;
  /** The exporting account's own id, for exports that only say "me" (PyWxDump writes 我). */
  selfId: string | null;
}

/** An item read from a JSON document: its problems name the record's path. */
export function atPath(item: ArchiveItem, path: string): ArchiveItem {
  return item.kind === 'problem'
    ? { ...item, field: item.field === 'line' ? path : `${path}.${item.field}` }
    : item;
}

/** Plain objects only (not arrays, not null). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export const NOT_AN_OBJECT: ArchiveItem = {
  kind: 'problem',
  field: 'line',
  problem: 'expected a JSON object',
};
