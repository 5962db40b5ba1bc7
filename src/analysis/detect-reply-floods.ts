import type { Config } from '../config/schema.js';
import type { StoredMessage } from '../model/message.js';
import { replyClassOf } from '../text/replies.js';
import { isRollCallPost } from '../text/roll-calls.js';
import { countableMessages } from './countable-predicate.js';
import { findReplyFloods, type ReplyFlood, type TriggerStrength } from './find-reply-floods.js';
import { leaderIds } from './leader-ids.js';
import type { RollCallFinding } from './roll-call-chain.js';
import type { WeekData } from './week-data.js';

/** The types whose text is read as a reply; any other message is 'other'. */
export const TEXT_TYPES: ReadonlySet<StoredMessage['type']> = new Set(['text', 'emoticon', 'other']);

/** Per message: 1 an acknowledgement, 2 praise, 0 a possible trigger, 3 neither (number-off, #接龙). */
const ACK = 1;
const PRAISE = 2;
const TRIGGER = 0;
const NEITHER = 3;

interface ReplyView {
  length: number;
  rollCalls: readonly RollCallFinding[];
  messages: StoredMessage[];
  kinds: Uint8Array;
}

/**
 * The messages both flood detectors walk — countable, not part of a roll-call — and what each is,
 * worked out once per week: ackFloods and likeSpam run one after the other on the same findings.
 */
const views = new WeakMap<readonly StoredMessage[], ReplyView>();

function replyView(data: WeekData, rollCalls: readonly RollCallFinding[]): ReplyView {
  const known = views.get(data.messages);
  if (known && known.rollCalls === rollCalls && known.length === data.messages.length) return known;
  const inRollCall = new Set(rollCalls.flatMap((r) => r.messageIds));
  const messages = countableMessages(data.messages).filter((m) => !inRollCall.has(m.id));
  const kinds = new Uint8Array(messages.length);
  messages.forEach((m, i) => {
    const cls = TEXT_TYPES.has(m.type) ? replyClassOf(m) : 'other';
    if (cls === 'ack') kinds[i] = ACK;
    else if (cls === 'praise') kinds[i] = PRAISE;
    else kinds[i] = cls !== 'other' || isRollCallPost(m.text) ? NEITHER : TRIGGER;
  });
  const view = { length: data.messages.length, rollCalls, messages, kinds };
  views.set(data.messages, view);
  return view;
}

export interface ReplyFloodKind {
  reply: 'ack' | 'praise';
  windowMinutes: number;
  minReplies: number;
  /**
   * How strongly a message opens a thread; only asked of messages that are not replies of any
   * kind nor #接龙 posts.
   */
  strength(m: StoredMessage, isLeader: (m: StoredMessage) => boolean): TriggerStrength;
}

/**
 * What ackFloods and likeSpam share: replies of one kind to a trigger, among the countable messages
 * outside roll-calls (their number-off replies never count), where a leader's post keeps its
 * replies unless another leader's post or an @所有人 follows it.
 */
export function detectReplyFloods(
  data: WeekData,
  config: Config,
  earlier: Record<string, unknown>,
  kind: ReplyFloodKind,
): { floods: ReplyFlood[]; isLeader: (m: StoredMessage) => boolean } {
  const { messages, kinds } = replyView(data, (earlier.rollCalls ?? []) as RollCallFinding[]);
  const leaders = leaderIds(config, data.contacts);
  const isLeader = (m: StoredMessage) => m.senderId !== null && leaders.has(m.senderId);
  const reply = kind.reply === 'ack' ? ACK : PRAISE;
  const floods = findReplyFloods(messages, {
    isReply: (_, i) => kinds[i] === reply,
    triggerStrength: (m, i) => (kinds[i] === TRIGGER ? kind.strength(m, isLeader) : 0),
    mayReplace: (open, m) => !isLeader(open) || isLeader(m) || m.mentionAll,
    windowMs: kind.windowMinutes * 60_000,
    minReplies: kind.minReplies,
  });
  return { floods, isLeader };
}

/** The first and last reply's times (the trigger's when there is none). */
export function floodSpan(f: ReplyFlood): { firstAt: number; lastAt: number } {
  return {
    firstAt: f.replies[0]?.time ?? f.trigger.time,
    lastAt: f.replies[f.replies.length - 1]?.time ?? f.trigger.time,
  };
}
