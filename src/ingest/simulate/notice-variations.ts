/**
 * How a notice changes when cadres forward it: forwarding prefixes (【转发】, 转：, @所有人 …), sign-off
 * lines dropped or replaced, a sentence added, punctuation, whitespace and line breaks changed, an
 * emoji, traditional characters (some phones and forwarding tools convert), a split over two
 * messages, and re-posts. Digits are never changed: a copy keeps the notice's dates and numbers.
 */
import { Converter } from 'opencc-js/cn2t';
import type { NoticeDraft } from './compose-notice.js';
import type { Prng } from './prng.js';

export const AT_ALL = '@所有人';

const PREFIXES = ['【转发】', '转：', '【重要通知】', '转发：', '【通知】', '【紧急通知】'];
const SENTENCES = [
  '请各单位负责人知悉。',
  '请相互转告！',
  '请高度重视，抓好落实。',
  '请各村社区书记亲自抓、负总责。',
  '请大家按要求抓紧落实，谢谢！',
  '镇纪委将同步开展督查。',
  '此项工作纳入年度考核。',
];
const EMOJI = ['📢', '‼️', '⚠️', '🔔', '❗', '🔥', '🙏'];

type Operation = 'prefix' | 'signoff' | 'sentence' | 'punctuation' | 'lineBreaks' | 'emoji' | 'traditional';
const OPERATIONS: Operation[] = [
  'prefix',
  'signoff',
  'sentence',
  'punctuation',
  'lineBreaks',
  'emoji',
  'traditional',
];

let toTraditional: ((text: string) => string) | null = null;

/** Simplified → traditional (Taiwan standard characters). Built lazily: building takes ~0.5 s. */
export function traditional(text: string): string {
  const convert = toTraditional ?? Converter({ from: 'cn', to: 'tw' });
  toTraditional = convert;
  return convert(text);
}

const HALF_WIDTH: Record<string, string> = {
  '，': ',',
  '：': ':',
  '；': ';',
  '。': '. ',
  '（': '(',
  '）': ')',
};

/** Full-width punctuation partly replaced by half-width, as typed on another keyboard. */
function changePunctuation(rng: Prng, text: string): string {
  return text.replace(/[，：；。（）]/g, (ch) => (rng.chance(0.6) ? (HALF_WIDTH[ch] as string) : ch));
}

export interface CopyOptions {
  /** Start the copy with @所有人 (mention-all). */
  atAll?: boolean;
  /** How many variations to apply (0 = the canonical text). */
  changes?: number;
  /** Traditional characters are allowed among the variations. */
  allowTraditional?: boolean;
}

export interface NoticeCopy {
  text: string;
  mentionAll: boolean;
}

/** One forwarded copy of a notice, varied by `changes` random operations. */
export function noticeCopy(rng: Prng, draft: NoticeDraft, options: CopyOptions = {}): NoticeCopy {
  const pool = OPERATIONS.filter((op) => op !== 'traditional' || options.allowTraditional);
  const ops = new Set(rng.sample(pool, options.changes ?? 0));
  let body = draft.body.slice();
  let signoff = draft.signoff.slice();
  if (ops.has('signoff')) {
    const unit = (draft.signoff[0] ?? '').replace(/^.*?镇/, '');
    signoff = rng.chance(0.5) || unit === '' ? [] : [`——${unit}`];
  }
  if (ops.has('sentence')) body = [...body, rng.pick(SENTENCES)];
  const lines = [...body, ...signoff];
  let text: string;
  if (ops.has('lineBreaks')) {
    const joiner = rng.pick(['', ' ', '\n\n']);
    text = lines.join(joiner);
  } else text = lines.join('\n');
  if (ops.has('punctuation')) text = changePunctuation(rng, text);
  if (ops.has('emoji')) text = rng.chance(0.5) ? `${rng.pick(EMOJI)}${text}` : `${text}${rng.pick(EMOJI)}`;
  if (ops.has('prefix')) text = rng.pick(PREFIXES) + text;
  if (ops.has('traditional')) text = traditional(text);
  const mentionAll = options.atAll === true;
  if (mentionAll) text = `${AT_ALL}${rng.chance(0.85) ? ' ' : '\n'}${text}`;
  return { text, mentionAll };
}

/** Letters and digits only: what carries a part's content (punctuation and emoji do not). */
function contentLength(text: string): number {
  let n = 0;
  for (const ch of text) if (/[\p{L}\p{N}]/u.test(ch)) n++;
  return n;
}

/**
 * Splits a text in two at the line break (or sentence end) nearest its middle, as happens when a
 * forwarder pastes a long notice in two goes. Null unless both parts keep 50+ letters and digits, so
 * each part alone is still recognisably a piece of the notice.
 */
export function splitInTwo(text: string): [string, string] | null {
  const middle = text.length / 2;
  let best = -1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if ((ch === '\n' || ch === '。') && (best < 0 || Math.abs(i - middle) < Math.abs(best - middle)))
      best = i;
  }
  if (best < 0) return null;
  const first = text.slice(0, best + 1).trim();
  const second = text.slice(best + 1).trim();
  return contentLength(first) >= 50 && contentLength(second) >= 50 ? [first, second] : null;
}

/** A re-post of the same notice in the same group, usually flagged as a reminder. */
export function repostText(rng: Prng, text: string): string {
  const r = rng.next();
  if (r < 0.4) return `再次提醒：${text}`;
  if (r < 0.6) return `【再次提醒】${text}`;
  return text;
}
