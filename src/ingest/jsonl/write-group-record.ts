import type { Store } from '../../store/store.js';
import type { ValidGroup } from './interchange-schemas.js';
import { isoTimeToEpoch } from './parse-iso-time.js';

/**
 * Stores a group record: the group (name, owner, unit, creation time) and its roster as a membership
 * snapshot taken at the group's `createdAt`, or at `now` when the record has none (the roster in an
 * export is the one known at export time; with no better date, the import is when it was seen).
 * Re-storing the same record changes nothing: the roster is recorded only when it differs from the
 * snapshot in effect at that time. Call inside a transaction; may throw SQLite errors.
 * Returns 'imported' (new group), 'updated' (description or roster changed) or 'duplicate'.
 */
export function writeGroupRecord(
  store: Store,
  record: ValidGroup,
  now: number,
): 'imported' | 'updated' | 'duplicate' {
  const before = store.groups.find(record.id);
  const createdAt = record.createdAt ? isoTimeToEpoch(record.createdAt) : null;
  const takenAt = createdAt ?? now;
  store.groups.upsert({
    id: record.id,
    name: record.name,
    ownerId: record.ownerId ?? null,
    unit: record.unit ?? null,
    createdAt,
    seenAt: takenAt,
  });
  const roster = [...new Set(record.memberIds)].sort();
  const stored = store.snapshots.membersAt(record.id, takenAt);
  const sameRoster =
    stored !== undefined && stored.length === roster.length && stored.every((id, i) => id === roster[i]);
  if (!sameRoster) store.snapshots.record(record.id, takenAt, roster);
  if (!before) return 'imported';
  const after = store.groups.find(record.id);
  const described =
    after !== undefined &&
    after.name === before.name &&
    after.ownerId === before.ownerId &&
    after.unit === before.unit &&
    after.createdAt === before.createdAt;
  return described && sameRoster ? 'duplicate' : 'updated';
}
