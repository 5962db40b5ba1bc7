import type { Store } from './store.js';

/**
 * Opts a member out (docs/PRIVACY.md): from now on every message they send is stored as counts only
 * (type, time, group, sender, length, class: no text, fingerprint, mentions or attachment details),
 * and their id is left out of the mentions of others' messages. What was stored before stays until
 * retention removes it or `forgetMember` is asked for. A contact not yet seen is created (with an
 * empty name until the bot sees them) so the opt-out holds from their first message.
 * 'already': they had opted out before; the first date is kept.
 */
export function optOut(store: Store, contactId: string, now: number): 'opted-out' | 'already' {
  return store.transaction(() => {
    const row = store.db.prepare('SELECT opted_out_at AS at FROM contacts WHERE id = ?').get(contactId) as
      | { at: number | null }
      | undefined;
    if (row?.at != null) return 'already';
    store.db
      .prepare(
        `INSERT INTO contacts (id, name, unit, opted_out_at) VALUES (?, '', NULL, ?)
         ON CONFLICT (id) DO UPDATE SET opted_out_at = excluded.opted_out_at`,
      )
      .run(contactId, now);
    return 'opted-out';
  });
}

/**
 * Ends an opt-out (and a forgotten member's standing opt-out): their next messages are stored as
 * anyone's. Nothing removed earlier comes back. 'not-opted-out': there was nothing to end.
 */
export function optIn(store: Store, contactId: string): 'opted-in' | 'not-opted-out' {
  const { changes } = store.db
    .prepare(
      'UPDATE contacts SET opted_out_at = NULL, forgotten_at = NULL WHERE id = ? AND opted_out_at IS NOT NULL',
    )
    .run(contactId);
  return changes > 0 ? 'opted-in' : 'not-opted-out';
}
