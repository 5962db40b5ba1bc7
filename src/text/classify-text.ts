import type { WorkCalendar } from '../calendar/work-calendar.js';
import type { MessageInput, TextClass } from '../model/message.js';
import { findDemandDeadline } from './deadlines.js';
import { isAddressedRemark, isPhotoDemand } from './demands.js';
import { toSimplified } from './normalise.js';
import { codePointLength, normaliseNotice } from './notice-form.js';
import { classifyReply } from './replies.js';
import { isNumberOffRequest, isRollCallPost, parseNumberOff } from './roll-calls.js';

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

/**
 * What classifyText decides from the text alone (no time, no @所有人), so that a caller seeing the
 * same text many times (an importer: "收到", copies of one notice) can compute it once per text.
 * `decided` is the answer when the text alone settles it; otherwise the message's time (a deadline)
 * and @所有人 are asked, in that order, before `otherwise`.
 */
export interface TextTraits {
  decided: TextFacts | null;
  /** toSimplified(text), for the deadline check; '' when `decided` is set. */
  simplified: string;
  otherwise: TextFacts;
  /** What @所有人 makes of an undecided text without a deadline. */
  mentioned: TextFacts;
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
  return classifyWithTraits(textTraits(text, rules, normalised), m, rules);
}

/** The text-only part of classifyText, for a text that is not a recall's. */
export function textTraits(text: string, rules: TextRules, normalised?: string): TextTraits {
  const replyNumber = parseNumberOff(text)?.number ?? null;
  const facts = (textClass: TextClass, mayBeNotice: boolean): TextFacts => ({
    textClass,
    replyNumber,
    mayBeNotice,
  });
  const decided = (f: TextFacts): TextTraits => ({ decided: f, simplified: '', otherwise: f, mentioned: f });
  if (PAT.test(text.slice(0, HEAD))) return decided(facts('pat', false));
  if (isRollCallPost(text)) return decided(facts('roll-call', true));
  const reply = classifyReply(text);
  if (reply !== 'other') return decided(facts(reply, false));
  const long = codePointLength(normalised ?? normaliseNotice(text)) >= rules.minLength;
  if (long || URL.test(text)) return decided(facts('notice', true));
  if (isNumberOffRequest(text) || isPhotoDemand(text)) return decided(facts('instruction', true));
  const otherwise = QUESTION.test(text)
    ? facts('question', false)
    : isAddressedRemark(text)
      ? facts('addressed', false)
      : facts('chat', false);
  return { decided: null, simplified: toSimplified(text), otherwise, mentioned: facts('notice', true) };
}

/** classifyText's answer from the text's traits and the message's time and @所有人. */
export function classifyWithTraits(
  traits: TextTraits,
  m: Pick<MessageInput, 'mentionAll' | 'time'>,
  rules: TextRules,
): TextFacts {
  if (traits.decided) return traits.decided;
  const deadline = findDemandDeadline(traits.simplified, m.time, rules.calendar, rules.immediateMinutes);
  if (deadline !== null)
    return { textClass: 'instruction', replyNumber: traits.otherwise.replyNumber, mayBeNotice: true };
  return m.mentionAll ? traits.mentioned : traits.otherwise;
}
