/**
 * Group → recording account (issue 18, item 2). A group two accounts sit in is recorded by both
 * hosts' spools; centrally it is recorded once:
 * - messages carry a global key (source, id) and are shipped by every host that holds them, so a
 *   message one account missed during an outage still arrives through the other; the key makes the
 *   second copy a no-op;
 * - rosters (membership snapshots) and room events have no such key: only the spool of the account
 *   the group is assigned to ships them. The first account to ship a group claims it.
 * Reassigning a group (its account left it for good) is an UPDATE of group_assignments by hand
 * (docs/SCALING.md, "Shipping from bot hosts").
 */
import type pg from 'pg';

/**
 * Claims every group of `groupIds` nobody holds yet for `account`, then returns the ones assigned
 * to `account` (claimed now or before). Runs inside the caller's transaction.
 */
export async function claimGroups(
  client: pg.ClientBase,
  account: string,
  groupIds: readonly string[],
  now: number,
): Promise<Set<string>> {
  await client.query(
    `INSERT INTO group_assignments (group_id, account, claimed_at)
     SELECT g, $2, $3 FROM unnest($1::text[]) AS g
     ON CONFLICT (group_id) DO NOTHING`,
    [groupIds, account, now],
  );
  const owned = await client.query<{ group_id: string }>(
    'SELECT group_id FROM group_assignments WHERE account = $1 AND group_id = ANY($2::text[])',
    [account, groupIds],
  );
  return new Set(owned.rows.map((r) => r.group_id));
}

/** Every group and the account recording it. */
export async function readAssignments(client: pg.ClientBase): Promise<Map<string, string>> {
  const r = await client.query<{ group_id: string; account: string }>(
    'SELECT group_id, account FROM group_assignments ORDER BY group_id',
  );
  return new Map(r.rows.map((row) => [row.group_id, row.account]));
}
