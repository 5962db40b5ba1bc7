import { describe, expect, it } from 'vitest';
import { trigramHashes } from '../../src/analysis/dedupe/grams.js';
import { numberSignature } from '../../src/analysis/dedupe/number-signature.js';
import { createWorkCalendar } from '../../src/calendar/work-calendar.js';
import { configSchema } from '../../src/config/schema.js';
import { scrubLogText } from '../../src/logging/scrub-log-text.js';
import { readChineseNumber } from '../../src/text/chinese-numbers.js';
import { classifyText } from '../../src/text/classify-text.js';
import { findDeadlines, findDemandDeadline } from '../../src/text/deadlines.js';
import { isAddressedRemark, isPhotoDemand } from '../../src/text/demands.js';
import { splitEmoticons, stripForwardingMarks, toNfkc, toSimplified } from '../../src/text/normalise.js';
import { normaliseNotice, normaliseUrl, textFingerprint } from '../../src/text/notice-form.js';
import { splitQuote } from '../../src/text/quote.js';
import { classifyReply, commitmentsEnding } from '../../src/text/replies.js';
import {
  isNumberOffRequest,
  isRollCallPost,
  parseNumberOff,
  parseRollCallPost,
} from '../../src/text/roll-calls.js';
import { HOSTILE_TEXTS } from '../analysis/hostile-texts.js';

/**
 * Every text function of the pipeline on inputs built to make a backtracking regex explode
 * (docs/RELIABILITY.md, "Regular expressions", lists what was reviewed). No timing assertion: a
 * quadratic or exponential regex does not finish 50,000-character inputs within vitest's per-test
 * timeout, and each function is its own test so the culprit is named.
 */
const config = configSchema.parse({});
const calendar = createWorkCalendar(config);
const at = Date.UTC(2026, 10, 17, 2);
const rules = { minLength: 20, calendar, immediateMinutes: 60 };

const FUNCTIONS: [string, (text: string) => unknown][] = [
  ['classifyReply', classifyReply],
  ['parseNumberOff', parseNumberOff],
  ['isRollCallPost', isRollCallPost],
  ['parseRollCallPost', parseRollCallPost],
  ['isNumberOffRequest', isNumberOffRequest],
  ['isPhotoDemand', isPhotoDemand],
  ['isAddressedRemark', isAddressedRemark],
  ['findDeadlines', (t) => findDeadlines(toNfkc(t), at, calendar)],
  ['findDemandDeadline', (t) => findDemandDeadline(toSimplified(t), at, calendar, 60)],
  ['readChineseNumber', readChineseNumber],
  ['splitEmoticons', splitEmoticons],
  ['splitQuote', splitQuote],
  ['splitQuote (wrapped)', (t) => splitQuote(`「王军：${t}」\n- - - - - -\n${t}`)],
  ['findCommitment', (t) => [...commitmentsEnding(t.slice(0, 40))]],
  ['stripForwardingMarks', stripForwardingMarks],
  ['toNfkc', toNfkc],
  ['toSimplified', toSimplified],
  ['normaliseNotice', normaliseNotice],
  ['normaliseUrl', normaliseUrl],
  ['numberSignature', (t) => numberSignature(normaliseNotice(t))],
  ['trigramHashes', (t) => trigramHashes(normaliseNotice(t))],
  ['classifyText', (t) => classifyText({ type: 'text', text: t, mentionAll: true, time: at }, rules)],
  ['textFingerprint', textFingerprint],
  ['scrubLogText', scrubLogText],
];

describe('text functions on catastrophic-backtracking inputs', () => {
  it('the inputs are as long as intended', () => {
    expect(Math.max(...HOSTILE_TEXTS.map((t) => t.length))).toBeGreaterThanOrEqual(50_000);
  });

  it.each(FUNCTIONS)('%s completes on every hostile input', (_name, fn) => {
    for (const text of HOSTILE_TEXTS) expect(() => fn(text)).not.toThrow();
  });
});
