import type { MessageInput } from '../../model/message.js';
import type { InsertOutcome } from '../../store/messages.js';
import { implausibleTime } from '../../store/plausible-time.js';
import type { Store } from '../../store/store.js';
import type { ImportCounts } from './import-summary.js';
import type { ValidContact, ValidGroup } from './interchange-schemas.js';
import { writeContactRecord } from './write-contact-record.js';
import { writeGroupRecord } from './write-group-record.js';

export type CountedKind = 'groups' | 'contacts' | 'messages';

/** One line of a file waiting to be written (or reported), in file order. */
export type PendingLine =
  | { line: number; kind: 'group'; record: ValidGroup }
  | { line: number; kind: 'contact'; record: ValidContact }
  /**
   * `sameIdIsSame`: the id is the platform's own and names one message whatever the rendering, so a
   * stored copy with other content is this one already ('duplicate', not a conflict).
   */
  | { line: number; kind: 'message'; message: MessageInput; sameIdIsSame?: boolean }
  | { line: number; kind: 'problem'; of: CountedKind | null; field: string; problem: string };

type Outcome = 'imported' | 'updated' | 'duplicate' | { field: string; problem: string };

/** Thrown by `flush` when a write failed for a reason that is not the line's own. */
export class BatchWriteError extends Error {
  constructor(
    readonly line: number,
    options: { cause: unknown },
  ) {
    super(`line ${line}: write failed`, options);
  }
}

const COUNTED: Record<Exclude<PendingLine['kind'], 'problem'>, CountedKind> = {
  group: 'groups',
  contact: 'contacts',
  message: 'messages',
};

/**
 * Collects the lines of one file and writes them in one transaction per batch, then counts and
 * reports them in line order. If the batch transaction fails it is rolled back whole and every line
 * is retried in its own transaction: a line the database refuses (a constraint) is reported and the
 * others are stored; any other failure throws BatchWriteError naming the first line not stored.
 * Counts change only after a commit, so they never claim a row that was rolled back.
 */
export class ImportBatch {
  private pending: PendingLine[] = [];

  constructor(
    private readonly store: Store,
    private readonly now: number,
    private readonly counts: ImportCounts,
    private readonly report: (line: number, field: string, problem: string) => void,
  ) {}

  get size(): number {
    return this.pending.length;
  }

  /**
   * Queues a line. This is the sink every importer shares (JSON Lines, each archive format, the
   * chatlog webhook): a message whose time cannot be a chat message's (src/store/plausible-time.ts)
   * is turned into a problem of its line here, so no path stores one. Sources that know the likely
   * mix-up report it first (ArchiveSink, with the same rule).
   */
  add(line: PendingLine): void {
    if (line.kind === 'message') {
      const problem = implausibleTime(line.message.time, this.now);
      if (problem) {
        this.pending.push({ line: line.line, kind: 'problem', of: 'messages', field: 'time', problem });
        return;
      }
    }
    this.pending.push(line);
  }

  flush(): void {
    const lines = this.pending;
    this.pending = [];
    if (lines.length === 0) return;
    let outcomes: Outcome[];
    try {
      outcomes = this.store.transaction(() => this.writeAll(lines));
    } catch {
      outcomes = this.writeOneByOne(lines);
    }
    lines.forEach((l, i) => {
      this.tally(l, outcomes[i] as Outcome);
    });
  }

  /**
   * Writes the lines in order; each run of consecutive messages goes to the store in one call, so
   * the per-call work (who opted out, widening each group's span) is done once per run, not per line.
   */
  private writeAll(lines: PendingLine[]): Outcome[] {
    const outcomes: Outcome[] = new Array(lines.length);
    let run: MessageInput[] = [];
    let runStart = 0;
    const flushRun = () => {
      if (run.length === 0) return;
      const stored = this.store.messages.insertMany(run);
      for (let j = 0; j < stored.length; j++)
        outcomes[runStart + j] = messageOutcome(stored[j] as InsertOutcome, lines[runStart + j]);
      run = [];
    };
    for (let i = 0; i < lines.length; i++) {
      const l = lines[i] as PendingLine;
      if (l.kind === 'message') {
        if (run.length === 0) runStart = i;
        run.push(l.message);
        continue;
      }
      flushRun();
      outcomes[i] = this.write(l);
    }
    flushRun();
    return outcomes;
  }

  private writeOneByOne(lines: PendingLine[]): Outcome[] {
    const outcomes: Outcome[] = [];
    for (const [i, l] of lines.entries()) {
      try {
        outcomes.push(this.store.transaction(() => this.write(l)));
      } catch (error) {
        if (!isRowError(error)) {
          // Count what is committed before giving up, so the partial summary is true.
          lines.slice(0, i).forEach((done, j) => {
            this.tally(done, outcomes[j] as Outcome);
          });
          throw new BatchWriteError(l.line, { cause: error });
        }
        outcomes.push({
          field: 'line',
          problem: `refused by the database (${(error as { code: string }).code})`,
        });
      }
    }
    return outcomes;
  }

  private write(l: PendingLine): Outcome {
    switch (l.kind) {
      case 'group':
        return writeGroupRecord(this.store, l.record, this.now);
      case 'contact':
        return writeContactRecord(this.store, l.record);
      case 'message':
        return messageOutcome(this.store.messages.insert(l.message), l);
      case 'problem':
        return { field: l.field, problem: l.problem };
    }
  }

  private tally(l: PendingLine, outcome: Outcome): void {
    const kind = l.kind === 'problem' ? l.of : COUNTED[l.kind];
    if (typeof outcome === 'string') {
      if (kind) this.counts[kind][outcome]++;
      return;
    }
    if (kind) this.counts[kind].rejected++;
    else this.counts.unreadable++;
    this.counts.rejected++;
    this.report(l.line, outcome.field, outcome.problem);
  }
}

function messageOutcome(outcome: InsertOutcome, line?: PendingLine): Outcome {
  if (outcome === 'conflict') {
    if (line?.kind === 'message' && line.sameIdIsSame) return 'duplicate';
    return { field: 'id', problem: 'already stored with different content' };
  }
  return outcome === 'inserted' ? 'imported' : 'duplicate';
}

/** SQLite errors caused by one row's content, as opposed to the database or the disk. */
function isRowError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^SQLITE_(CONSTRAINT|MISMATCH|TOOBIG|RANGE)/.test(code);
}
