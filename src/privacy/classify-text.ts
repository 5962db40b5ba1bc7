import { codePointLength, normaliseNotice } from '../analysis/dedupe/normalise-notice.js';
import { classifyReply } from '../analysis/text/classify-reply.js';
import { findDemandDeadline } from '../analysis/text/find-demand-deadline.js';
import { isAddressedRemark } from '../analysis/text/is-addressed-remark.js';
import { isNumberOffRequest } from '../analysis/text/is-number-off-request.js';
import { isPhotoDemand } from '../analysis/text/is-photo-demand.js';
import { isRollCallPost } from '../analysis/text/is-roll-call-post.js';
import { parseNumberOff } from '../analysis/text/parse-number-off.js';
import { toSimplified } from '../analysis/text/to-simplified.js';
import type { WorkCalendar } from '../analysis/work-calendar.js';
import type { MessageInput, TextClass } from '../model/message.js';

export interface TextRules {
  /** A text whose normalised form has at least this many code points can be a notice (duplicates.minLength). */
  minLength: number;
  calendar: WorkCalendar;
  /** What "立即上报" gives, in minutes (rushed.immediateMinutes): only decides whether a deadline exists. */
  immediateMinutes: number;
}

export interface TextFacts {
  textClass: TextClass;
  /** The number of a number-off reply ("2.张伟" → 2; a bare "1" too), else null. */
  replyNumber: number | null;
  /**
   * Whether the text can be a notice or an instruction some detector reads: a #接龙 post, a long
   * text, a link, an @所有人 with substance, or a short demand (报数, photo proof, a deadline).
   */
  mayBeNotice: boolean;
}

const PAT = /拍了拍/;
const QUESTION = /[?？]/;
const URL = /https?:\/\//i;
/** The cheap checks read at most this much of a text; a longer text is long enough anyway. */
const HEAD = 200;

/**
 * What a message's text is, for storage policy and for the detectors once the text is gone.
 * Null when there is nothing to classify: no text, or a recall (whose text is an id, not content).
 * Linear in the text; every helper it calls bounds what it reads. Pass `normalised`
 * (normaliseNotice(text)) when it is already at hand.
 */
export function classifyText(
  m: Pick<MessageInput, 'type' | 'text' | 'mentionAll' | 'time'>,
  rules: TextRules,
  normalised?: string,
): TextFacts | null {
  const text = m.text;
  if (text === null || m.type === 'recalled') return null;
  const replyNumber = parseNumberOff(text)?.number ?? null;
  const facts = (textClass: TextClass, mayBeNotice: boolean): TextFacts => ({
    textClass,
    replyNumber,
    mayBeNotice,
  });
  if (PAT.test(text.slice(0, HEAD))) return facts('pat', false);
  if (isRollCallPost(text)) return facts('roll-call', true);
  const reply = classifyReply(text);
  if (reply !== 'other') return facts(reply, false);
  const long = codePointLength(normalised ?? normaliseNotice(text)) >= rules.minLength;
  if (long || URL.test(text)) return facts('notice', true);
  if (isInstruction(text, m.time, rules)) return facts('instruction', true);
  if (m.mentionAll) return facts('notice', true);
  if (QUESTION.test(text)) return facts('question', false);
  if (isAddressedRemark(text)) return facts('addressed', false);
  return facts('chat', false);
}

/** A short text some detector reads as a demand: a number-off request, a photo demand, a deadline. */
function isInstruction(text: string, time: number, rules: TextRules): boolean {
  if (isNumberOffRequest(text) || isPhotoDemand(text)) return true;
  return findDemandDeadline(toSimplified(text), time, rules.calendar, rules.immediateMinutes) !== null;
}
