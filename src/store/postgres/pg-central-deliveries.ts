/**
 * What queueing a digest or an audit on the central PostgreSQL store reads and writes (issue 18):
 * the recipients' addresses and names, the keys already queued centrally, the central outbox
 * (central-outbox.ts, routed through the account that reaches each recipient) and the record of
 * the recommendations each digest carried (pg-recommendations.ts). src/app/central-deliveries.ts
 * drives it with the same router and dedupe keys as local queueing.
 */
import type pg from 'pg';
import type { IssuableRecommendation } from '../../model/recommendation-status.js';
import type { ContactAddresses } from '../contacts.js';
import type { OutboxItem } from '../outbox.js';
import { queueThroughReachingAccounts } from './central-outbox.js';
import { ensureCentralTables } from './central-tables.js';
import { recordIssuedCentrally } from './pg-recommendations.js';

export class PgCentralDeliveries {
  private constructor(private readonly client: pg.ClientBase) {}

  /** Over an open connection to a qingqun schema; creates the central tables where missing. */
  static async over(client: pg.ClientBase): Promise<PgCentralDeliveries> {
    await ensureCentralTables(client);
    return new PgCentralDeliveries(client);
  }

  /** The stored contacts among `ids`: their names and addresses. */
  async contacts(ids: readonly string[]): Promise<Map<string, { name: string } & ContactAddresses>> {
    const { rows } = await this.client.query<{
      id: string;
      name: string;
      email: string | null;
      wecomUserId: string | null;
    }>('SELECT id, name, email, wecom_user_id AS "wecomUserId" FROM contacts WHERE id = ANY($1::text[])', [
      [...ids],
    ]);
    return new Map(rows.map(({ id, ...rest }) => [id, rest]));
  }

  /** The dedupe keys queued centrally that start with `prefix`. */
  async keysStartingWith(prefix: string): Promise<Set<string>> {
    const { rows } = await this.client.query<{ dedupe_key: string }>(
      'SELECT dedupe_key FROM central_outbox WHERE starts_with(dedupe_key, $1)',
      [prefix],
    );
    return new Set(rows.map((r) => r.dedupe_key));
  }

  /** Queues items centrally (an existing key is left as it is): how many were new, whom no account reaches. */
  queue(items: readonly OutboxItem[], now: number): Promise<{ queued: number; unreachable: string[] }> {
    return queueThroughReachingAccounts(this.client, items, now);
  }

  recordIssued(issue: {
    ownerId: string;
    week: string;
    recommendations: readonly IssuableRecommendation[];
    at: number;
  }): Promise<void> {
    return recordIssuedCentrally(this.client, issue);
  }
}
