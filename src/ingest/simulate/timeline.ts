/**
 * Per-group reservations of time. Each planted event (a notice copy, an acknowledgement flood, a
 * roll-call …) reserves the span it needs in its group, with margins, so that no two planted events
 * interleave in one group and ordinary chat keeps out of them: the ground truth then says exactly
 * what a careful person reading the chat would mark.
 */
import { MINUTE } from './sim-clock.js';

export interface Timeline {
  isFree(groupId: string, from: number, to: number): boolean;
  reserve(groupId: string, from: number, to: number): void;
  /**
   * The first start at or after `from` (stepping by `step`) for which [start, start + length) is free
   * and ends before `latest`; the span is then reserved. Null when there is none.
   */
  place(groupId: string, from: number, length: number, latest: number, step?: number): number | null;
}

export function createTimeline(): Timeline {
  const spans = new Map<string, number[]>();

  function isFree(groupId: string, from: number, to: number): boolean {
    const list = spans.get(groupId);
    if (!list) return true;
    for (let i = 0; i < list.length; i += 2) {
      if (from < (list[i + 1] as number) && (list[i] as number) < to) return false;
    }
    return true;
  }

  function reserve(groupId: string, from: number, to: number): void {
    let list = spans.get(groupId);
    if (!list) {
      list = [];
      spans.set(groupId, list);
    }
    list.push(from, to);
  }

  return {
    isFree,
    reserve,
    place(groupId, from, length, latest, step = 7 * MINUTE) {
      for (let start = from; start + length <= latest; start += step) {
        if (isFree(groupId, start, start + length)) {
          reserve(groupId, start, start + length);
          return start;
        }
      }
      return null;
    },
  };
}
