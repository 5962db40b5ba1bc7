import type { WeekBounds } from '../calendar/weeks.js';
import type { Contact } from '../model/contact.js';
import type { Group } from '../model/group.js';
import type { WeekData } from '../model/week-data.js';
import type { Messages } from './messages.js';
import type { Snapshots } from './snapshots.js';
import type { StoreCore } from './store-core.js';

/** Read-model: everything the detectors read for one week. */
export class WeekDataReader {
  constructor(
    private readonly store: StoreCore & { readonly messages: Messages; readonly snapshots: Snapshots },
  ) {}

  /**
   * Loads everything the detectors read for one week, in a handful of queries. Membership is the
   * latest snapshot taken before the end of the week; groups whose only snapshot is later fall back to it.
   *
   * Cost (docs/PERFORMANCE.md): the messages are read by `Messages.week` (few values per row,
   * repeated strings shared). Each group's last human message is found by one index probe per group,
   * so the cost follows the number of groups, not the history stored before the week.
   */
  load(bounds: WeekBounds): WeekData {
    const { store } = this;
    const { sql } = store;
    const { from, to } = bounds;
    const messages = store.messages.week(from, to);
    const groups = sql
      .get(
        `SELECT id, name, owner_id AS ownerId, unit, created_at AS createdAt, first_seen AS firstSeen,
              last_seen AS lastSeen
       FROM groups WHERE first_seen < ? OR created_at < ? ORDER BY id`,
      )
      .all(to, to) as Group[];
    const contacts = sql.get('SELECT id, name, unit FROM contacts').all() as Contact[];

    const members = store.snapshots.rostersAt(to);

    // The newest human message of each group before `to`: a backward walk of messages_group_time
    // that stops at the first one that is neither a system line nor a recall.
    const lastRows = sql
      .raw(
        `SELECT id, (SELECT time FROM messages
                   WHERE group_id = groups.id AND time < ? AND type NOT IN ('system', 'recalled')
                   ORDER BY time DESC LIMIT 1) AS last
       FROM groups ORDER BY id`,
      )
      .all(to) as [string, number | null][];
    const lastHumanMessageAt = new Map<string, number>();
    for (const [groupId, last] of lastRows) if (last !== null) lastHumanMessageAt.set(groupId, last);

    return {
      week: bounds.week,
      from,
      to,
      messages,
      groups,
      members,
      contacts: new Map(contacts.map((c) => [c.id, c])),
      lastHumanMessageAt,
    };
  }
}
