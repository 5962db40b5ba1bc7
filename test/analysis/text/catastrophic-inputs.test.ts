import { describe, expect, it } from 'vitest';
import { trigramHashes } from '../../../src/analysis/dedupe/char-ngrams.js';
import { normaliseNotice } from '../../../src/analysis/dedupe/normalise-notice.js';
import { normaliseUrl } from '../../../src/analysis/dedupe/normalise-url.js';
import { numberSignature } from '../../../src/analysis/dedupe/number-signature.js';
import { classifyReply } from '../../../src/analysis/text/classify-reply.js';
import { findDemandDeadline } from '../../../src/analysis/text/find-demand-deadline.js';
import { isAddressedRemark } from '../../../src/analysis/text/is-addressed-remark.js';
import { isNumberOffRequest } from '../../../src/analysis/text/is-number-off-request.js';
import { isPhotoDemand } from '../../../src/analysis/text/is-photo-demand.js';
import { isRollCallPost } from '../../../src/analysis/text/is-roll-call-post.js';
import { findDeadlines } from '../../../src/analysis/text/parse-deadline.js';
import { parseNumberOff } from '../../../src/analysis/text/parse-number-off.js';
import { parseRollCallPost } from '../../../src/analysis/text/parse-roll-call-post.js';
import { readChineseNumber } from '../../../src/analysis/text/read-chinese-number.js';
import { commitmentsEnding } from '../../../src/analysis/text/reply-grammar.js';
import { splitEmoticons } from '../../../src/analysis/text/split-emoticons.js';
import { splitQuote } from '../../../src/analysis/text/split-quote.js';
import { stripForwardingMarks } from '../../../src/analysis/text/strip-forwarding-marks.js';
import { toNfkc } from '../../../src/analysis/text/to-nfkc.js';
import { toSimplified } from '../../../src/analysis/text/to-simplified.js';
import { createWorkCalendar } from '../../../src/calendar/work-calendar.js';
import { configSchema } from '../../../src/config/schema.js';
import { scrubLogText } from '../../../src/logging/scrub-log-text.js';
import { classifyText } from '../../../src/privacy/classify-text.js';
import { textFingerprint } from '../../../src/privacy/text-fingerprint.js';
import { HOSTILE_TEXTS } from '../hostile-texts.js';

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
