import type { StoredMessage } from '../model/message.js';
import { isQuestionOrRemark } from '../text/demands.js';
import { detectReplyFloods, floodSpan, TEXT_TYPES } from './detect-reply-floods.js';
import type { Detector } from './detector.js';

export interface LikeSpamFinding {
  groupId: string;
  triggerMessageId: string;
  /** The praise-only replies, in time order. */
  messageIds: string[];
  /** Distinct members who replied with praise only. */
  repliers: number;
  /** The post's sender is a configured leader or belongs to a leadership unit. */
  triggerByLeader: boolean;
  firstAt: number;
  lastAt: number;
}

/** Texts at least this long are posts in their own right (a report of work, an article). */
const POST_LENGTH = 25;
/** Shorter texts open a post only when none is open, so a substantive reply cannot steal the flood. */
const SHORT_POST_LENGTH = 15;
const SHOWCASE_TYPES = new Set<StoredMessage['type']>(['link', 'file', 'miniprogram', 'image']);

/**
 * Like-spam: praise-only replies ([强], 👍👍, [玫瑰], 赞！, 领导辛苦了[玫瑰], 学习了[强]) from at least
 * `minReplies` distinct members within `windowMinutes` of one post — typically a leader's showcase
 * (an article link, a photo, a report of their work). The flood is found whoever posted;
 * `triggerByLeader` says whether the poster is known as a leader (config ids, or a contact whose
 * unit matches `org.leaders.unitPatterns`). Substantive replies are not praise and do not count.
 */
export const likeSpamDetector: Detector<'likeSpam', LikeSpamFinding[]> = {
  name: 'likeSpam',
  run({ data, config }, earlier) {
    const { windowMinutes, minReplies } = config.analysis.likeSpam;
    const { floods, isLeader } = detectReplyFloods(data, config, earlier, {
      reply: 'praise',
      windowMinutes,
      minReplies,
      strength(m, isLeader) {
        if (m.mentionAll || SHOWCASE_TYPES.has(m.type)) return 2;
        if (!TEXT_TYPES.has(m.type)) return 0;
        const length = m.text?.length ?? m.textLength;
        if (length >= POST_LENGTH) return 2;
        // Questions and remarks to one person ("李书记，那户的暖气片周四来修") are replies, not posts.
        if (isQuestionOrRemark(m)) return 0;
        // A leader's short remark opens a post only when none is open, like anyone's.
        return isLeader(m) || length >= SHORT_POST_LENGTH ? 1 : 0;
      },
    });
    return floods.map((f) => {
      const { firstAt, lastAt } = floodSpan(f);
      return {
        groupId: f.groupId,
        triggerMessageId: f.trigger.id,
        messageIds: f.replies.map((r) => r.id),
        repliers: f.repliers,
        triggerByLeader: isLeader(f.trigger),
        firstAt,
        lastAt,
      };
    });
  },
};
