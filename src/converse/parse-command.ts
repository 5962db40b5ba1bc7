import { toSimplified } from '../text/normalise.js';

export const COMMAND_NAMES = [
  'help',
  'groups',
  'mute-suggestions',
  'mute',
  'unmute',
  'subscribe',
  'unsubscribe',
  'optout',
  'optin',
  'mydata',
  'digest',
  'accept',
  'dismiss',
  'audit',
] as const;

export type CommandName = (typeof COMMAND_NAMES)[number];

export interface ParsedCommand {
  name: CommandName;
  /** What followed the command word, split on spaces and commas; 第 and 条/个 around numbers dropped. */
  args: string[];
}

/**
 * The words of each command: Chinese first (what help shows), then English aliases. Matching is on
 * the start of the message, longest word first, so 静音建议 wins over 静音 and 取消静音 over both.
 */
export const COMMAND_WORDS: Readonly<Record<CommandName, readonly string[]>> = {
  help: ['帮助', '菜单', '命令', 'help', '?'],
  groups: ['我的群', 'groups', 'my groups'],
  'mute-suggestions': ['静音建议', 'mute'],
  mute: ['静音'],
  unmute: ['取消静音', 'unmute'],
  subscribe: ['订阅', 'subscribe'],
  unsubscribe: ['退订', '取消订阅', 'unsubscribe'],
  optout: ['退出记录', 'optout', 'opt-out', 'opt out'],
  optin: ['恢复记录', 'optin', 'opt-in', 'opt in'],
  mydata: ['我的数据', 'mydata', 'my data'],
  digest: ['周报', 'digest'],
  accept: ['采纳', 'accept'],
  dismiss: ['忽略', 'dismiss'],
  audit: ['审计', 'audit'],
};

const WORDS: readonly [string, CommandName][] = (Object.entries(COMMAND_WORDS) as [CommandName, string[]][])
  .flatMap(([name, words]) => words.map((w) => [w, name] as [string, CommandName]))
  .sort((a, b) => b[0].length - a[0].length);

/** Longer texts are chat, not commands; the cap also bounds the work on any input. */
const MAX_COMMAND_LENGTH = 100;
const PREFIX = /^[\s/#＃!！@]+/u;
const SEPARATORS = /[\s,，、;；:：]+/u;
const ASCII_LETTER = /[a-z]/;
const NUMBERED = /^第?(\d+)[条個个項项]?$/u;

/**
 * Reads a private message as a command, or returns null. Accepts Chinese words and English aliases
 * in any case, full-width forms, traditional characters, a leading / or #, and numbers written
 * 采纳1, 采纳 第1条 or accept 1. `mute 3` (an alias with numbers) means 静音 3. Linear in the input.
 */
export function parseCommand(text: string): ParsedCommand | null {
  const trimmed = text.trim();
  if (trimmed === '' || trimmed.length > MAX_COMMAND_LENGTH) return null;
  const plain = toSimplified(trimmed.normalize('NFKC')).replace(PREFIX, '').trimEnd();
  for (const [word, name] of WORDS) {
    // Words are ASCII or Chinese, so comparing the same number of code units is exact; args keep their case.
    if (plain.slice(0, word.length).toLowerCase() !== word) continue;
    const rest = plain.slice(word.length);
    // "helpme" is not "help"; Chinese words may be followed directly by their argument (采纳1).
    if (ASCII_LETTER.test(word.slice(-1)) && /[a-z]/i.test(rest.charAt(0))) continue;
    const args = rest
      .split(SEPARATORS)
      .filter((a) => a !== '')
      .map((a) => a.replace(NUMBERED, '$1'));
    if (name === 'mute-suggestions' && args.length > 0) return { name: 'mute', args };
    return { name, args };
  }
  return null;
}

/** The word a reply calls a command by: the Chinese word, or the English alias for locale en. */
export function commandWord(name: CommandName, locale: 'zh-CN' | 'en'): string {
  const words = COMMAND_WORDS[name];
  if (name === 'mute' && locale === 'en') return 'mute';
  return (locale === 'en' ? words.find((w) => /^[a-z]/.test(w)) : undefined) ?? (words[0] as string);
}

/** The numbers among the args (1-based positions), or null when any arg is not a positive number. */
export function numberArgs(args: readonly string[]): number[] | null {
  const numbers = args.map((a) => (/^\d{1,6}$/.test(a) ? Number(a) : Number.NaN));
  return numbers.every((n) => Number.isInteger(n) && n > 0) ? numbers : null;
}
