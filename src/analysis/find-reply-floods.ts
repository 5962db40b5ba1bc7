import type { StoredMessage } from '../model/message.js';

/**
 * How strongly a message opens a new thread that replies attach to: 0 never (chat, replies),
 * 1 weakly (a short instruction: only when no strong trigger's window is open), 2 strongly (a notice,
 * @所有人, a showcase). This keeps a substantive reply inside a flood from stealing the flood.
 */
export type TriggerStrength = 0 | 1 | 2;

export interface ReplyFloodRules {
  /** Whether the message (`messages[i]`) is one of the content-free replies being counted. */
  isReply(m: StoredMessage, i: number): boolean;
  triggerStrength(m: StoredMessage, i: number): TriggerStrength;
  /** Whether a strong trigger may replace the open one while its window lasts (default: always). */
  mayReplace?(open: StoredMessage, m: StoredMessage): boolean;
  windowMs: number;
  /** Distinct repliers (other than the trigger's sender) needed for a flood. */
  minReplies: number;
}

export interface ReplyFlood {
  groupId: string;
  trigger: StoredMessage;
  replies: StoredMessage[];
  repliers: number;
}

/** A notice split over several messages by one sender within this gap is one trigger. */
const SPLIT_GAP_MS = 5 * 60_000;

interface Open {
  trigger: StoredMessage;
  /** The trigger's time and sender, kept here: reading them off the trigger misses the cache. */
  at: number;
  senderId: string | null;
  strength: TriggerStrength;
  lastPartAt: number;
  replies: StoredMessage[];
  senders: Set<string>;
}

/**
 * Whether `m` takes over from a trigger whose window is still open: a strong trigger replaces a
 * weak one, and a strong one if `mayReplace` allows; a weak one replaces only a weak one that no
 * reply has answered yet (the latest remark is what replies answer).
 */
function replaces(
  current: Open,
  m: StoredMessage,
  strength: TriggerStrength,
  rules: ReplyFloodRules,
): boolean {
  if (strength === 2) return current.strength < 2 || rules.mayReplace?.(current.trigger, m) !== false;
  return current.strength < 2 && current.replies.length === 0;
}

/**
 * Attaches each reply to the latest trigger of its group whose window is still open and returns
 * the triggers answered by at least `minReplies` distinct members. One pass; `messages` must be
 * sorted by time (as WeekData is) and already filtered to what may count.
 */
export function findReplyFloods(messages: readonly StoredMessage[], rules: ReplyFloodRules): ReplyFlood[] {
  const floods: ReplyFlood[] = [];
  const open = new Map<string, Open>();
  const close = (groupId: string, o: Open) => {
    if (o.senders.size >= rules.minReplies) {
      floods.push({ groupId, trigger: o.trigger, replies: o.replies, repliers: o.senders.size });
    }
  };
  for (let i = 0; i < messages.length; i++) {
    const m = messages[i] as StoredMessage;
    const current = open.get(m.groupId);
    const inWindow = current !== undefined && m.time - current.at <= rules.windowMs;
    if (rules.isReply(m, i)) {
      if (current && inWindow && m.senderId !== current.senderId) {
        current.replies.push(m);
        current.senders.add(m.senderId ?? `?${m.id}`);
      }
      continue;
    }
    const strength = rules.triggerStrength(m, i);
    if (strength === 0) continue;
    if (
      current &&
      current.replies.length === 0 &&
      m.senderId === current.senderId &&
      m.time - current.lastPartAt <= SPLIT_GAP_MS
    ) {
      current.lastPartAt = m.time;
      continue;
    }
    if (current && inWindow && !replaces(current, m, strength, rules)) continue;
    if (current) close(m.groupId, current);
    open.set(m.groupId, {
      trigger: m,
      at: m.time,
      senderId: m.senderId,
      strength,
      lastPartAt: m.time,
      replies: [],
      senders: new Set(),
    });
  }
  for (const [groupId, o] of open) close(groupId, o);
  return floods.sort((a, b) => a.trigger.time - b.trigger.time || a.trigger.rowId - b.trigger.rowId);
}
