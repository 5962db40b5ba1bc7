import type { Statement } from 'better-sqlite3';
import type { StoreCore } from './store-core.js';

export interface DigestSubscription {
  contactId: string;
  /** UTC epoch ms. */
  subscribedAt: number;
  /** The end (exclusive, UTC ms) of the window the last daily digest covered; null before the first. */
  lastSentUntil: number | null;
}

const SQL = {
  muted: 'SELECT group_id FROM cadre_muted_groups WHERE contact_id = ? ORDER BY group_id',
  mute: `INSERT INTO cadre_muted_groups (contact_id, group_id, muted_at) VALUES (?, ?, ?)
         ON CONFLICT (contact_id, group_id) DO NOTHING`,
  unmute: 'DELETE FROM cadre_muted_groups WHERE contact_id = ? AND group_id = ?',
  subscription: `SELECT contact_id AS contactId, subscribed_at AS subscribedAt, last_sent_until AS lastSentUntil
         FROM cadre_subscriptions WHERE contact_id = ?`,
  subscribe: `INSERT INTO cadre_subscriptions (contact_id, subscribed_at) VALUES (?, ?)
         ON CONFLICT (contact_id) DO NOTHING`,
  unsubscribe: 'DELETE FROM cadre_subscriptions WHERE contact_id = ?',
  subscribers: `SELECT contact_id AS contactId, subscribed_at AS subscribedAt, last_sent_until AS lastSentUntil
         FROM cadre_subscriptions ORDER BY contact_id`,
  sent: `UPDATE cadre_subscriptions SET last_sent_until = MAX(COALESCE(last_sent_until, 0), ?)
         WHERE contact_id = ?`,
  listing: 'SELECT group_ids FROM cadre_group_listings WHERE contact_id = ?',
  saveListing: `INSERT INTO cadre_group_listings (contact_id, group_ids, listed_at) VALUES (?, ?, ?)
         ON CONFLICT (contact_id) DO UPDATE SET group_ids = excluded.group_ids, listed_at = excluded.listed_at`,
  forgetMuted: 'DELETE FROM cadre_muted_groups WHERE contact_id = ?',
  forgetListing: 'DELETE FROM cadre_group_listings WHERE contact_id = ?',
};

/**
 * What a cadre told the bot in private chat (the converse migration): which of their groups they
 * muted, whether they want the daily digest of what only those groups carried and how far it has
 * been sent, and the numbered group list last shown to them. Each cadre's rows are theirs alone:
 * every method takes the contact id, and nothing here lists another cadre's choices except
 * `subscribers` (for the daily job). `forget` deletes everything about one contact.
 */
export class CadrePreferences {
  constructor(private readonly store: StoreCore) {}

  private q(name: Exclude<keyof typeof SQL, 'muted' | 'listing'>): Statement {
    return this.store.sql.get(SQL[name]);
  }

  private plucked(name: 'muted' | 'listing'): Statement {
    return this.store.sql.pluck(SQL[name]);
  }

  /** The group ids the cadre muted, sorted. */
  mutedGroups(contactId: string): string[] {
    return this.plucked('muted').all(contactId) as string[];
  }

  /** Records groups as muted; returns the ids that were not muted before. */
  mute(contactId: string, groupIds: readonly string[], at: number): string[] {
    return this.store.transaction(() =>
      groupIds.filter((g) => this.q('mute').run(contactId, g, at).changes === 1),
    );
  }

  /** Forgets that groups were muted; returns the ids that were muted. */
  unmute(contactId: string, groupIds: readonly string[]): string[] {
    return this.store.transaction(() =>
      groupIds.filter((g) => this.q('unmute').run(contactId, g).changes === 1),
    );
  }

  subscription(contactId: string): DigestSubscription | undefined {
    return this.q('subscription').get(contactId) as DigestSubscription | undefined;
  }

  /** Subscribes to the daily digest; false when the cadre already was subscribed. */
  subscribe(contactId: string, at: number): boolean {
    return this.q('subscribe').run(contactId, at).changes === 1;
  }

  /** Ends the subscription (and forgets how far it was sent); false when there was none. */
  unsubscribe(contactId: string): boolean {
    return this.q('unsubscribe').run(contactId).changes === 1;
  }

  /** Every subscription, by contact id: what the daily digest job walks. */
  subscribers(): DigestSubscription[] {
    return this.q('subscribers').all() as DigestSubscription[];
  }

  /** Records that the daily digest up to `until` (exclusive) was queued; never moves backwards. */
  recordDigestSent(contactId: string, until: number): void {
    this.q('sent').run(until, contactId);
  }

  /** The ordered group ids of the list last shown to the cadre ("静音 N" means the N-th), if any. */
  listing(contactId: string): string[] | undefined {
    const json = this.plucked('listing').get(contactId) as string | undefined;
    if (json === undefined) return undefined;
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : undefined;
  }

  saveListing(contactId: string, groupIds: readonly string[], at: number): void {
    this.q('saveListing').run(contactId, JSON.stringify(groupIds), at);
  }

  /** Deletes every preference of the contact (for opt-out requests and `qingqun forget`). */
  forget(contactId: string): void {
    this.store.transaction(() => {
      this.q('forgetMuted').run(contactId);
      this.q('unsubscribe').run(contactId);
      this.q('forgetListing').run(contactId);
    });
  }
}
