/**
 * Posts copies of one item (a notice, a demand, a file, a link card) into a sequence of groups, one
 * forwarder after another, each copy possibly followed by replies (an acknowledgement or photo flood).
 * Each copy and its follow-up get a reserved span in their group; a group with no free span before
 * `latest` is skipped.
 */
import type { Cadre, SimGroup } from '../organisation.js';
import { HOUR, MINUTE } from '../sim-clock.js';
import type { SimMessage } from '../sim-message.js';
import type { MessageFields, WeekContext } from '../week-context.js';

/** Replies planned before the copy is placed: how long they take and how to post them. */
export interface FollowUp {
  duration: number;
  /**
   * How long after the copy nothing else may happen in the group (at least `duration`): the window a
   * detector looks ahead for replies, so no unrelated reply can fall into it.
   */
  quiet?: number;
  /** Posts the replies after `anchor` (the copy, or its last part). */
  run(anchor: SimMessage): void;
}

export interface CopySpec {
  sender: Cadre;
  /** One message, or two for a notice split over two messages. */
  parts: MessageFields[];
  followUp: FollowUp | null;
}

export interface Delivery {
  group: SimGroup;
  messages: SimMessage[];
}

export interface DeliveryPlan {
  targets: SimGroup[];
  /** Desired time of the first copy. */
  first: number;
  /** No copy is posted after this time (when `strict`), or preferably not (otherwise). */
  latest: number;
  /** `latest` is a deadline written in the item: never post after it. */
  strict?: boolean;
  /** A copy that does not fit with its replies may go out without them (an unanswered notice). */
  repliesOptional?: boolean;
  /** Mean delay between one copy and the next. */
  gapMean: number;
  copy(group: SimGroup, index: number, previous: SimGroup | null): CopySpec;
}

/** Quiet margins around a copy without replies, and around one with a follow-up flood. */
const PLAIN_MARGIN = { before: 3 * MINUTE, after: 5 * MINUTE };
const FLOOD_MARGIN = { before: 20 * MINUTE, after: 45 * MINUTE };

/**
 * Reserves a span for a copy (margins, parts, replies) at or after `from`, the copy itself no later
 * than `latest`; returns the copy's time or null.
 */
function place(
  ctx: WeekContext,
  group: SimGroup,
  spec: CopySpec,
  from: number,
  latest: number,
): number | null {
  const margin = spec.followUp ? FLOOD_MARGIN : PLAIN_MARGIN;
  const partsSpan = (spec.parts.length - 1) * MINUTE;
  const replies = Math.max(spec.followUp?.duration ?? 0, spec.followUp?.quiet ?? 0);
  const length = margin.before + partsSpan + replies + margin.after;
  const latestEnd = Math.min(ctx.clock.end, latest - margin.before + length);
  const start = ctx.timeline.place(
    group.id,
    Math.max(ctx.clock.start, from - margin.before),
    length,
    latestEnd,
  );
  return start === null ? null : start + margin.before;
}

export function deliverCopies(ctx: WeekContext, plan: DeliveryPlan): Delivery[] {
  const { rng, clock } = ctx;
  const out: Delivery[] = [];
  let desired = plan.first;
  let previous: SimGroup | null = null;
  const planned = new Set(plan.targets.map((g) => g.id));
  const reached = new Set<string>();
  plan.targets.forEach((group, index) => {
    // A relay only ever carries what its host carries: no host copy, no relay copy.
    if (group.hostId && planned.has(group.hostId) && !reached.has(group.hostId)) return;
    const spec = plan.copy(group, index, previous);
    const from = Math.max(clock.start, desired);
    let placed = place(ctx, group, spec, from, plan.latest);
    if (placed === null && spec.followUp && plan.repliesOptional) {
      spec.followUp = null;
      placed = place(ctx, group, spec, from, plan.latest);
    }
    // Merge candidates get the same notices and relays all of theirs from the host: for them a later
    // slot is better than none, unless the item itself sets the deadline.
    const bound = (group.twinId && reached.has(group.twinId)) || (group.hostId && reached.has(group.hostId));
    if (placed === null && bound && !plan.strict)
      placed = place(ctx, group, spec, from, plan.latest + 12 * HOUR);
    if (placed === null) return;
    let at = placed;
    const messages = spec.parts.map((fields, i) => {
      if (i > 0) at += rng.int(5, 50) * 1000;
      return ctx.post(group, spec.sender, at, fields);
    });
    spec.followUp?.run(messages[messages.length - 1] as SimMessage);
    out.push({ group, messages });
    reached.add(group.id);
    previous = group;
    desired = at + Math.max(MINUTE, rng.exponential(plan.gapMean));
  });
  return out;
}
