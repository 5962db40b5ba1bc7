import type { StoredMessage } from '../model/message.js';
import { countablePredicate } from './countable-predicate.js';
import type { Detector } from './detector.js';
import { findReplyFloods, type TriggerStrength } from './find-reply-floods.js';
import { leaderIds } from './leader-ids.js';
import type { RollCallFinding } from './roll-call-chain.js';
import { isQuestionOrRemark } from './text/is-question-or-remark.js';
import { isRollCallPost } from './text/is-roll-call-post.js';
import { replyClassOf } from './text/reply-class-of.js';

export interface AckFloodFinding {
  groupId: string;
  triggerMessageId: string;
  /** The acknowledgement-only replies, in time order. */
  messageIds: string[];
  /** Distinct members who acknowledged. */
  repliers: number;
  firstAt: number;
  lastAt: number;
}

/** Texts at least this long are notices whatever their sender. */
const NOTICE_LENGTH = 40;
/** Shorter instructions open a trigger only when none is open. */
const INSTRUCTION_LENGTH = 8;
const TEXT_TYPES = new Set<StoredMessage['type']>(['text', 'emoticon', 'other']);
const CARD_TYPES = new Set<StoredMessage['type']>(['link', 'file', 'miniprogram']);

/**
 * Acknowledgement floods: after a trigger (a notice, an @所有人, a file or link, a leader's post,
 * or a short instruction when nothing else is open), replies that only acknowledge (收到, 好的收到,
 * 收到[OK], 👌, 1, 收到，马上落实…) from at least `minReplies` distinct members within
 * `windowMinutes`. Number-off replies of roll-calls (from the rollCalls findings) never count, nor
 * system lines, recalled messages or 拍一拍. A lone 好的 in conversation stays below the threshold.
 */
export const ackFloodsDetector: Detector<'ackFloods', AckFloodFinding[]> = {
  name: 'ackFloods',
  run({ data, config }, earlier) {
    const { windowMinutes, minReplies } = config.analysis.ackFlood;
    const rollCalls = (earlier.rollCalls ?? []) as RollCallFinding[];
    const inRollCall = new Set(rollCalls.flatMap((r) => r.messageIds));
    const countable = countablePredicate(data.messages);
    const leaders = leaderIds(config, data.contacts);
    const isLeader = (m: StoredMessage) => m.senderId !== null && leaders.has(m.senderId);
    const classOf = (m: StoredMessage) => (TEXT_TYPES.has(m.type) ? replyClassOf(m) : 'other');
    const strength = (m: StoredMessage): TriggerStrength => {
      if (classOf(m) !== 'other' || isRollCallPost(m.text)) return 0;
      if (m.mentionAll || CARD_TYPES.has(m.type)) return 2;
      if (!TEXT_TYPES.has(m.type)) return isLeader(m) ? 1 : 0;
      // A purged text keeps its length: a long one was a notice.
      const length = m.text?.length ?? m.textLength;
      if (length >= NOTICE_LENGTH) return 2;
      // A short question asks for an answer, not an acknowledgement, even from a leader; a remark
      // to one person ("小王，材料放你桌上了") is answered by that person alone.
      if (isQuestionOrRemark(m)) return 0;
      return isLeader(m) || length >= INSTRUCTION_LENGTH ? 1 : 0;
    };
    const messages = data.messages.filter((m) => countable(m) && !inRollCall.has(m.id));
    const floods = findReplyFloods(messages, {
      isReply: (m) => classOf(m) === 'ack',
      triggerStrength: strength,
      // A leader's post keeps its replies unless another leader's notice or an @所有人 follows it.
      mayReplace: (open, m) => !isLeader(open) || isLeader(m) || m.mentionAll,
      windowMs: windowMinutes * 60_000,
      minReplies,
    });
    return floods.map((f) => ({
      groupId: f.groupId,
      triggerMessageId: f.trigger.id,
      messageIds: f.replies.map((r) => r.id),
      repliers: f.repliers,
      firstAt: f.replies[0]?.time ?? f.trigger.time,
      lastAt: f.replies[f.replies.length - 1]?.time ?? f.trigger.time,
    }));
  },
};
