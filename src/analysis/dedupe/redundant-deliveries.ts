/**
 * Redundant deliveries of one notice: a member who receives it d times in total — summed over the
 * groups it reached that the member belongs to, each group counting its deliveries
 * (deliveriesPerGroup) — received d − 1 redundant copies. Summed over members. So a member in k of the
 * groups that received it once each counts k − 1, and a re-post in a group counts once more for each
 * of that group's members. Members come from the latest snapshot (a group without one counts none);
 * the poster is counted like everyone else.
 *
 * Member ids are numbered once per week, so each notice costs one pass over its groups' member lists
 * with array counters instead of string maps.
 */
export class RedundantDeliveries {
  private readonly groupMembers = new Map<string, Int32Array>();
  private readonly stamp: Int32Array;
  private notice = 0;

  constructor(members: ReadonlyMap<string, readonly string[]>) {
    const numberOf = new Map<string, number>();
    for (const [groupId, ids] of members) {
      const numbers = new Int32Array(ids.length);
      ids.forEach((id, k) => {
        let n = numberOf.get(id);
        if (n === undefined) {
          n = numberOf.size;
          numberOf.set(id, n);
        }
        numbers[k] = n;
      });
      this.groupMembers.set(groupId, numbers);
    }
    this.stamp = new Int32Array(numberOf.size);
  }

  count(deliveries: ReadonlyMap<string, number>): number {
    this.notice++;
    let redundant = 0;
    for (const [groupId, times] of deliveries) {
      const numbers = this.groupMembers.get(groupId);
      if (!numbers) continue;
      for (let k = 0; k < numbers.length; k++) {
        const n = numbers[k] as number;
        // A member's first delivery is not redundant; every further one is.
        if (this.stamp[n] !== this.notice) {
          this.stamp[n] = this.notice;
          redundant += times - 1;
        } else {
          redundant += times;
        }
      }
    }
    return redundant;
  }
}
