import type { Store } from '../../../src/store/store.js';

/**
 * Everything the store holds that an import must not change once stored, row by row. Groups leave
 * out first/last seen, which new messages legitimately extend.
 */
export function dumpStore(store: Store) {
  const all = (sql: string) => store.db.prepare(sql).all() as Record<string, unknown>[];
  return {
    messages: all('SELECT * FROM messages ORDER BY row_id'),
    groups: all('SELECT id, name, owner_id, unit, created_at FROM groups ORDER BY id'),
    contacts: all('SELECT * FROM contacts ORDER BY id'),
    snapshots: all('SELECT id, group_id, taken_at, member_count FROM membership_snapshots ORDER BY id'),
    members: all('SELECT * FROM snapshot_members ORDER BY snapshot_id, contact_id'),
  };
}

export type StoreDump = ReturnType<typeof dumpStore>;

/** The rows of `before` as they are in `after` (same key), for "nothing already stored changed". */
export function sameRowsIn(before: StoreDump, after: StoreDump): StoreDump {
  const pick = (
    rows: Record<string, unknown>[],
    wanted: Record<string, unknown>[],
    key: (r: Record<string, unknown>) => string,
  ) => {
    const index = new Map(rows.map((r) => [key(r), r]));
    return wanted.map((r) => index.get(key(r)) as Record<string, unknown>);
  };
  return {
    messages: pick(after.messages, before.messages, (r) => String(r.row_id)),
    groups: pick(after.groups, before.groups, (r) => String(r.id)),
    contacts: pick(after.contacts, before.contacts, (r) => String(r.id)),
    snapshots: pick(after.snapshots, before.snapshots, (r) => String(r.id)),
    members: pick(after.members, before.members, (r) => `${r.snapshot_id}\u0000${r.contact_id}`),
  };
}
