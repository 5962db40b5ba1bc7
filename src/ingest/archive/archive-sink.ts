/**
 * Writes what a format reader found in one file into the store, reusing the JSON Lines importer's
 * pieces: messages, contacts and problems go through its ImportBatch (batched transactions, per-line
 * problems in order, counts only after commit); groups are written at once, a group an export names
 * only in its messages is created bare (no roster snapshot: an empty roster would claim it has no
 * members), and the organisation map's owner and unit overrides apply to every group written.
 */
import { implausibleTime } from '../../store/plausible-time.js';
import type { Store } from '../../store/store.js';
import { BatchWriteError, type CountedKind, ImportBatch } from '../jsonl/import-batch.js';
import type { KnownGroups } from '../jsonl/known-groups.js';
import { writeGroupRecord } from '../jsonl/write-group-record.js';
import type { ArchiveContact, ArchiveGroup, ArchiveItem } from './archive-item.js';
import type { ArchiveFileSummary } from './archive-summary.js';

/** The organisation map's overrides (config `org.*`), as the Wechaty recorder applies them. */
export interface OrgOverrides {
  ownerOverrides?: Record<string, string>;
  groupUnits?: Record<string, string>;
}

export class ArchiveSink {
  private readonly batch: ImportBatch;
  private readonly contactsSeen = new Set<string>();

  constructor(
    private readonly store: Store,
    private readonly summary: ArchiveFileSummary,
    private readonly options: {
      now: number;
      groups: KnownGroups;
      org: OrgOverrides;
      batchSize: number;
      report: (line: number, field: string, problem: string) => void;
    },
  ) {
    this.batch = new ImportBatch(store, options.now, summary, options.report);
  }

  /** A group the export describes (roster files, WeCom group details, ChatLab headers). */
  group(line: number, g: ArchiveGroup): void {
    this.batch.flush(); // keep problems in line order
    const ownerId = this.options.org.ownerOverrides?.[g.id] ?? g.ownerId;
    const unit = this.options.org.groupUnits?.[g.id] ?? g.unit;
    let outcome: 'imported' | 'updated' | 'duplicate';
    try {
      outcome = this.store.transaction(() => {
        const before = this.store.groups.find(g.id);
        const name = g.name ?? before?.name ?? '';
        if (g.memberIds !== null) {
          const createdAt = g.createdAt === null ? null : new Date(g.createdAt).toISOString();
          const record = {
            kind: 'group' as const,
            id: g.id,
            name,
            ownerId,
            unit,
            createdAt,
            memberIds: g.memberIds,
          };
          return writeGroupRecord(this.store, record, this.options.now);
        }
        this.store.groups.upsert({
          id: g.id,
          name,
          ownerId,
          unit,
          createdAt: g.createdAt,
          seenAt: g.createdAt ?? this.options.now,
        });
        if (!before) return 'imported';
        const after = this.store.groups.find(g.id);
        const same =
          after?.name === before.name &&
          after.ownerId === before.ownerId &&
          after.unit === before.unit &&
          after.createdAt === before.createdAt;
        return same ? 'duplicate' : 'updated';
      });
    } catch (error) {
      this.rowFailure(line, error, 'groups');
      return;
    }
    this.summary.groups[outcome]++;
    this.options.groups.declare(g.id);
  }

  /** A contact; with `onlyIfNew` (names seen on messages) a stored or already written contact is kept. */
  contact(line: number, c: ArchiveContact, onlyIfNew = false): void {
    if (this.contactsSeen.has(c.id)) return;
    this.contactsSeen.add(c.id);
    if (onlyIfNew && this.store.contacts.find(c.id)) return;
    this.batch.add({
      line,
      kind: 'contact',
      record: { kind: 'contact', id: c.id, name: c.name, unit: c.unit },
    });
  }

  add(line: number, item: ArchiveItem): void {
    switch (item.kind) {
      case 'skip':
        this.summary.skipped[item.reason] = (this.summary.skipped[item.reason] ?? 0) + 1;
        return;
      case 'problem':
        this.batch.add({ line, kind: 'problem', of: 'messages', field: item.field, problem: item.problem });
        break;
      case 'message': {
        const m = item.message;
        // The shared rule (src/store/plausible-time.ts), with the likely mix-up of numeric timestamps.
        const problem = implausibleTime(m.time, this.options.now, { epochHints: true });
        if (problem) {
          this.batch.add({ line, kind: 'problem', of: 'messages', field: 'time', problem });
          break;
        }
        this.ensureGroup(line, m.groupId, item.groupName ?? null, m.time);
        if (item.unknown)
          this.summary.unknownTypes[item.rawType] = (this.summary.unknownTypes[item.rawType] ?? 0) + 1;
        if (m.senderId !== null && item.senderName) {
          this.contact(line, { id: m.senderId, name: item.senderName, unit: null }, true);
        }
        this.batch.add({ line, kind: 'message', message: m, sameIdIsSame: item.sameIdIsSame });
        break;
      }
    }
    if (this.batch.size >= this.options.batchSize) this.batch.flush();
  }

  /** Reports a problem of a line (`of` the kind it was, if known) or of the file as a whole. */
  problem(line: number, field: string, problem: string, of: CountedKind | null = null): void {
    this.batch.add({ line, kind: 'problem', of, field, problem });
  }

  /** Writes what is pending. Throws BatchWriteError when the database refuses writes. */
  flush(): void {
    this.batch.flush();
  }

  private ensureGroup(line: number, id: string, name: string | null, time: number): void {
    if (this.options.groups.has(id)) return;
    try {
      this.store.groups.upsert({
        id,
        name: name ?? '',
        ownerId: this.options.org.ownerOverrides?.[id] ?? null,
        unit: this.options.org.groupUnits?.[id] ?? null,
        createdAt: null,
        seenAt: time,
      });
    } catch (error) {
      this.rowFailure(line, error, 'groups');
      return;
    }
    this.summary.groups.imported++;
    this.options.groups.declare(id);
  }

  private rowFailure(line: number, error: unknown, kind: 'groups'): void {
    const code = (error as { code?: unknown } | null)?.code;
    if (typeof code !== 'string' || !/^SQLITE_(CONSTRAINT|MISMATCH|TOOBIG|RANGE)/.test(code)) {
      throw new BatchWriteError(line, { cause: error });
    }
    this.summary[kind].rejected++;
    this.summary.rejected++;
    this.options.report(line, 'group', `refused by the database (${code})`);
  }
}
