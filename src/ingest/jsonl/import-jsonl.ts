/**
 * `qingqun import`'s engine: streams JSON Lines files (docs/interchange-format.md) into the store.
 * Bad lines are reported one by one (ImportProblem: `FILE:LINE: field: problem`) while good lines
 * are stored; re-importing a file stores nothing new. Lines are written in batched transactions, so
 * a crash loses at most the batch in flight and never leaves half of one.
 */
import { createReadStream } from 'node:fs';
import type { Store } from '../../store/store.js';
import { ImportAbortedError } from './import-aborted-error.js';
import { BatchWriteError, ImportBatch, type PendingLine } from './import-batch.js';
import { ImportProblem } from './import-problem.js';
import { addCounts, emptyCounts, type FileImportSummary, type ImportSummary } from './import-summary.js';
import { createInterchangeSchemas, type InterchangeSchemas } from './interchange-schemas.js';
import { KnownGroups } from './known-groups.js';
import { LineSplitter, type SplitLine } from './line-splitter.js';
import { parseRecord } from './parse-record.js';
import { toMessageInput } from './to-message-input.js';

export interface ImportOptions {
  /** The `source` messages are stored under; (source, id) is what makes re-imports no-ops. Default 'jsonl'. */
  source?: string;
  /** UTC epoch ms taken as the present: later than a day after it is "the future". Default Date.now(). */
  now?: number;
  /** Called once per bad line (and per unreadable file), in file and line order. */
  onProblem?: (problem: ImportProblem) => void;
  /** Lines per transaction. Default 100,000. */
  batchSize?: number;
  /** Longer lines are rejected unread. Default 1 MiB. */
  maxLineBytes?: number;
}

/**
 * Lines per transaction. Each commit writes every index page its rows touched; rows of a large
 * store scatter over the group and sender indexes, so fewer, larger commits write far fewer pages
 * (1M messages: 5,000 → 20,000 with the checkpoint below took the import from ~52 to ~33 s of CPU).
 * At 5M messages 20,000 rows still touched ~30,000 index pages per commit, about one 4 KiB page per
 * row; 100,000 with the page cache below cut what the import wrote from ~46 to ~16 GB and its CPU
 * from 267 to 214 s (docs/PERFORMANCE.md, "The 5M import").
 */
const DEFAULT_BATCH_SIZE = 100_000;

/**
 * SQLite's page cache during an import, in KiB (512 MB; writers otherwise keep 64 MB). A batch's
 * dirty index pages must stay in the cache until its commit: at 5M messages the group and sender
 * indexes alone are ~300 MB, and with 64 MB SQLite spilled and re-read them (the 5M import read
 * ~61 GB through the OS for a 1.3 GB file). Taken only as pages are used (a 1M import uses ~60 MB
 * of it) and given back when the import ends.
 */
const IMPORT_CACHE_KIB = 512 * 1024;

/** A batch is also cut at this much line text, so 100,000 lines of 1 MB never sit in memory at once. */
const MAX_BATCH_CHARS = 32 * 1024 * 1024;

/**
 * SQLite's automatic checkpoint during an import, in WAL pages (~40 MB) instead of 1,000: a
 * batch's commit writes more than 1,000 pages, so at 1,000 every commit was followed by a checkpoint
 * copying the same hot index pages again. The WAL stays bounded; the setting is restored afterwards.
 */
const IMPORT_CHECKPOINT_PAGES = 10_000;

const KIND_COUNTS = { group: 'groups', contact: 'contacts', message: 'messages' } as const;

/**
 * Imports `files` in order. Never throws for bad content or unreadable files (they are reported and
 * counted); throws ImportAbortedError when the database itself refuses writes.
 */
export async function importJsonl(
  store: Store,
  files: readonly string[],
  options: ImportOptions = {},
): Promise<ImportSummary> {
  const now = options.now ?? Date.now();
  const source = options.source ?? 'jsonl';
  const batchSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH_SIZE);
  const maxLineBytes = options.maxLineBytes ?? 1024 * 1024;
  const total: ImportSummary = { ...emptyCounts(), files: [] };
  const restoreCheckpoints = store.maintenance.raiseAutocheckpoint(IMPORT_CHECKPOINT_PAGES);
  const restoreCache = store.maintenance.raiseCacheSize(IMPORT_CACHE_KIB);
  try {
    await importFiles(store, files, options, { now, source, batchSize, maxLineBytes, total });
  } finally {
    restoreCache();
    restoreCheckpoints();
  }
  return total;
}

async function importFiles(
  store: Store,
  files: readonly string[],
  options: ImportOptions,
  run: { now: number; source: string; batchSize: number; maxLineBytes: number; total: ImportSummary },
): Promise<void> {
  const { now, source, batchSize, maxLineBytes, total } = run;
  const schemas = createInterchangeSchemas({ now });
  const groups = new KnownGroups(store);
  for (const file of files) {
    const summary: FileImportSummary = { file, lines: 0, ...emptyCounts() };
    total.files.push(summary);
    const report = (line: number, field: string, problem: string) =>
      options.onProblem?.(new ImportProblem(file, line, field, problem));
    const batch = new ImportBatch(store, now, summary, report);
    let batchChars = 0;
    const splitter = new LineSplitter(maxLineBytes, (l) => {
      batch.add(classify(l, schemas, groups, source));
      batchChars += 'text' in l ? l.text.length : 0;
      if (batch.size >= batchSize || batchChars >= MAX_BATCH_CHARS) {
        batch.flush();
        batchChars = 0;
      }
    });
    let readError: unknown;
    try {
      try {
        for await (const chunk of createReadStream(file, { highWaterMark: 1024 * 1024 })) {
          splitter.push(chunk as Buffer);
        }
        splitter.end();
      } catch (error) {
        if (!isFsError(error)) throw error;
        readError = error;
      }
      batch.flush();
    } catch (error) {
      if (!(error instanceof BatchWriteError)) throw error;
      summary.lines = splitter.line;
      addCounts(total, summary);
      throw new ImportAbortedError(file, error.line, total, { cause: error.cause });
    }
    summary.lines = splitter.line;
    if (readError) {
      summary.unreadable++;
      summary.rejected++;
      const code = (readError as { code: string }).code;
      if (splitter.line === 0) report(0, 'file', `cannot read (${code})`);
      else report(splitter.line + 1, 'file', `read failed after line ${splitter.line} (${code})`);
    }
    addCounts(total, summary);
  }
}

function classify(
  l: SplitLine,
  schemas: InterchangeSchemas,
  groups: KnownGroups,
  source: string,
): PendingLine {
  if ('problem' in l) return { line: l.line, kind: 'problem', of: null, field: 'line', problem: l.problem };
  const parsed = parseRecord(l.text, schemas);
  if (!parsed.ok) {
    const of = parsed.kind ? KIND_COUNTS[parsed.kind] : null;
    return { line: l.line, kind: 'problem', of, field: parsed.field, problem: parsed.problem };
  }
  const record = parsed.record;
  switch (record.kind) {
    case 'group':
      groups.declare(record.id);
      return { line: l.line, kind: 'group', record };
    case 'contact':
      return { line: l.line, kind: 'contact', record };
    case 'message':
      if (!groups.has(record.groupId)) {
        const problem = `unknown group ${showId(record.groupId)}`;
        return { line: l.line, kind: 'problem', of: 'messages', field: 'groupId', problem };
      }
      return { line: l.line, kind: 'message', message: toMessageInput(record, source) };
  }
}

function isFsError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^E[A-Z]+$/.test(code);
}

/** Ids are shown bare when they are plain, quoted (and cut) when they hold spaces or control characters. */
function showId(id: string): string {
  return /^[^\s"\\\p{C}]{1,64}$/u.test(id) ? id : (JSON.stringify(id.slice(0, 64)) as string);
}
