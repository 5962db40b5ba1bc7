/**
 * `qingqun import` for chat archives: detects each file's format (or checks it against `format`),
 * reads rosters and group details first, then the message files in the order given, and stores
 * everything through ArchiveSink. Like importJsonl it never throws for bad content (each bad record
 * is an ImportProblem, `FILE:LINE: field: problem`; a file of the wrong format is one problem naming
 * what was expected), re-importing stores nothing new, and it throws ImportAbortedError when the
 * database refuses writes. Interchange JSON Lines files are handed to importJsonl.
 */

import type { Store } from '../../store/store.js';
import { ImportAbortedError } from '../jsonl/import-aborted-error.js';
import { BatchWriteError } from '../jsonl/import-batch.js';
import { importJsonl } from '../jsonl/import-jsonl.js';
import { ImportProblem } from '../jsonl/import-problem.js';
import { KnownGroups } from '../jsonl/known-groups.js';
import { type ArchiveFormat, type ArchiveShape, SHAPES } from './archive-format.js';
import { ArchiveSink, type OrgOverrides } from './archive-sink.js';
import {
  type ArchiveFileSummary,
  type ArchiveImportSummary,
  addFileSummary,
  emptyArchiveSummary,
  emptyFileSummary,
} from './archive-summary.js';
import { ArchiveTimeParser } from './archive-time.js';
import { readChatlabJson, readChatlabJsonl } from './chatlab.js';
import { readChatlogCsv } from './chatlog-csv.js';
import { readChatlogJson } from './chatlog-json.js';
import { ArchiveFormatError, type DetectedFormat, detectFormat } from './detect-format.js';
import { readPywxdumpCsv } from './pywxdump-csv.js';
import type { ReadContext } from './read-context.js';
import { type Roster, readRosterCsv, readRosterYaml } from './roster.js';
import { readWechatmsgCsv } from './wechatmsg-csv.js';
import { readWecomGroups, readWecomMessages } from './wecom-archive.js';

export interface ArchiveImportOptions {
  /** Read every file as this format; a file of another format is reported, not read. Default: detect. */
  format?: ArchiveFormat;
  /** Roster files (CSV or YAML), imported before the others. */
  roster?: string | readonly string[];
  /** UTC epoch ms taken as the present (rosters are dated then; later than a day after is "the future"). */
  now?: number;
  /** IANA timezone of times written without an offset. Default Asia/Shanghai (config.timezone). */
  timezone?: string;
  /** The organisation map's owner and unit overrides (config.org). */
  org?: OrgOverrides;
  /** The exporting account's own id, for exports that only say "me". Default: such messages have no sender. */
  selfId?: string;
  onProblem?: (problem: ImportProblem) => void;
  /** Records per transaction. Default 5,000. */
  batchSize?: number;
}

type Reader = (ctx: ReadContext, d: DetectedFormat) => Promise<number>;

const READERS: Record<Exclude<ArchiveShape, 'jsonl' | 'roster-csv' | 'roster-yaml'>, Reader> = {
  'wecom-messages': (ctx, d) => readWecomMessages(ctx, d.layout),
  'wecom-groups': (ctx, d) => readWecomGroups(ctx, d.layout),
  'chatlog-json': (ctx, d) => readChatlogJson(ctx, d.layout),
  'chatlog-csv': (ctx) => readChatlogCsv(ctx),
  'wechatmsg-csv': (ctx) => readWechatmsgCsv(ctx),
  'pywxdump-csv': (ctx) => readPywxdumpCsv(ctx),
  'chatlab-json': (ctx) => readChatlabJson(ctx),
  'chatlab-jsonl': (ctx) => readChatlabJsonl(ctx),
};

/** Rosters first, then group details, then the rest in the order given. */
const RANK: Partial<Record<ArchiveShape, number>> = { 'roster-csv': 0, 'roster-yaml': 0, 'wecom-groups': 1 };

export async function importArchive(
  store: Store,
  files: readonly string[],
  options: ArchiveImportOptions = {},
): Promise<ArchiveImportSummary> {
  const now = options.now ?? Date.now();
  const clock = new ArchiveTimeParser(options.timezone ?? 'Asia/Shanghai');
  const total = emptyArchiveSummary();
  const groups = new KnownGroups(store);
  const rosterFiles = options.roster === undefined ? [] : [options.roster].flat();
  const entries: { file: string; detected: DetectedFormat; summary: ArchiveFileSummary }[] = [];

  const report = (file: string) => (line: number, field: string, problem: string) =>
    options.onProblem?.(new ImportProblem(file, line, field, problem));
  const unreadable = (summary: ArchiveFileSummary, problem: string) => {
    summary.unreadable++;
    summary.rejected++;
    report(summary.file)(0, 'file', problem);
    addFileSummary(total, summary);
  };

  for (const [i, file] of [...rosterFiles, ...files].entries()) {
    const summary = emptyFileSummary(file);
    total.files.push(summary);
    try {
      const detected = await detectFormat(file, i < rosterFiles.length ? 'roster' : options.format);
      summary.format = detected.format;
      entries.push({ file, detected, summary });
    } catch (error) {
      if (error instanceof ArchiveFormatError) unreadable(summary, error.problem);
      else unreadable(summary, `cannot read (${(error as { code?: string }).code ?? String(error)})`);
    }
  }
  entries.sort((a, b) => (RANK[a.detected.shape] ?? 2) - (RANK[b.detected.shape] ?? 2));

  const rosters = new Map<string, Roster>();
  const groupIdsByName = new Map<string, string>();
  for (const e of entries) {
    if (e.detected.format !== 'roster') continue;
    const roster = await (e.detected.shape === 'roster-csv' ? readRosterCsv : readRosterYaml)(e.file, clock);
    rosters.set(e.file, roster);
    for (const g of roster.groups) if (g.name) groupIdsByName.set(g.name, g.id);
  }

  for (const { file, detected, summary } of entries) {
    if (detected.shape === 'jsonl') {
      const sub = await importJsonl(store, [file], {
        now,
        onProblem: options.onProblem,
        batchSize: options.batchSize,
      });
      Object.assign(summary, sub.files[0], { format: 'jsonl' });
      addFileSummary(total, summary);
      continue;
    }
    const sink = new ArchiveSink(store, summary, {
      now,
      groups,
      org: options.org ?? {},
      batchSize: Math.max(1, options.batchSize ?? 5000),
      report: report(file),
    });
    const ctx: ReadContext = {
      file,
      source: SHAPES[detected.shape].source,
      time: clock,
      sink,
      groupIdsByName,
      selfId: options.selfId ?? null,
    };
    try {
      try {
        const roster = rosters.get(file);
        if (roster) {
          writeRoster(sink, roster);
          summary.lines = roster.lines;
        } else {
          summary.lines = (await (READERS as Record<string, Reader>)[detected.shape]?.(ctx, detected)) ?? 0;
        }
      } catch (error) {
        if (error instanceof BatchWriteError) throw error;
        const code = (error as { code?: unknown } | null)?.code;
        if (typeof code !== 'string' || !/^E[A-Z]+$/.test(code)) throw error;
        sink.problem(summary.lines + 1, 'file', `read failed (${code})`);
      }
      sink.flush();
    } catch (error) {
      if (!(error instanceof BatchWriteError)) throw error;
      addFileSummary(total, summary);
      throw new ImportAbortedError(file, error.line, total, { cause: error.cause });
    }
    addFileSummary(total, summary);
  }
  return total;
}

function writeRoster(sink: ArchiveSink, roster: Roster): void {
  for (const p of roster.problems) sink.problem(p.line, p.field, p.problem, 'groups');
  for (const { line, ...group } of roster.groups) sink.group(line, group);
  for (const { line, ...contact } of roster.contacts) sink.contact(line, contact);
}
