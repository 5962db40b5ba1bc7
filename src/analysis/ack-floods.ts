import type { StoredMessage } from '../model/message.js';
import { isQuestionOrRemark } from '../text/demands.js';
import { detectReplyFloods, floodSpan, TEXT_TYPES } from './detect-reply-floods.js';
import type { Detector } from './detector.js';

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
    const { floods } = detectReplyFloods(data, config, earlier, {
      reply: 'ack',
      windowMinutes,
      minReplies,
      strength(m, isLeader) {
        if (m.mentionAll || CARD_TYPES.has(m.type)) return 2;
        if (!TEXT_TYPES.has(m.type)) return isLeader(m) ? 1 : 0;
        // A purged text keeps its length: a long one was a notice.
        const length = m.text?.length ?? m.textLength;
        if (length >= NOTICE_LENGTH) return 2;
        // A short question asks for an answer, not an acknowledgement, even from a leader; a remark
        // to one person ("小王，材料放你桌上了") is answered by that person alone.
        if (isQuestionOrRemark(m)) return 0;
        return isLeader(m) || length >= INSTRUCTION_LENGTH ? 1 : 0;
      },
    });
    return floods.map((f) => ({
      groupId: f.groupId,
      triggerMessageId: f.trigger.id,
      messageIds: f.replies.map((r) => r.id),
      repliers: f.repliers,
      ...floodSpan(f),
    }));
  },
};
