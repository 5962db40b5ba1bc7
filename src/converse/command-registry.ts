import type { Locale } from '../model/locale.js';
import { toSimplified } from '../text/normalise.js';
import type { Access, Command, CommandName } from './command.js';
import { helpCommand } from './commands/help.js';
import { muteCommand, muteSuggestionsCommand, unmuteCommand } from './commands/muting.js';
import { myGroupsCommand } from './commands/my-groups.js';
import { mydataCommand, optinCommand, optoutCommand } from './commands/privacy-choices.js';
import { acceptCommand, dismissCommand } from './commands/recommendation-answers.js';
import { subscribeCommand, unsubscribeCommand } from './commands/subscription.js';
import { auditCommand } from './commands/supervisor-audit.js';
import { weeklyDigestCommand } from './commands/weekly-digest.js';
import type { Roles } from './resolve-roles.js';

export type { Access, Command, CommandName, ConverseContext } from './command.js';

/**
 * The private-chat commands (docs/COMMANDS.md). Each command module declares its words, access, help
 * line and handler (like grammY's `bot.command(['start', 'go'], handler)`); the parser, the words
 * replies use and the 帮助 listing are all derived from COMMANDS below. Adding a command: a module
 * in commands/ exporting a `Command`, its line in COMMANDS, and its help line in both text catalogues
 * (converse-text-zh.ts `help`, mirrored in converse-text-en.ts).
 */
export const COMMANDS: readonly Command[] = [
  helpCommand,
  myGroupsCommand,
  muteSuggestionsCommand,
  muteCommand,
  unmuteCommand,
  subscribeCommand,
  unsubscribeCommand,
  optoutCommand,
  optinCommand,
  mydataCommand,
  weeklyDigestCommand,
  acceptCommand,
  dismissCommand,
  auditCommand,
];

export const COMMAND_NAMES: readonly CommandName[] = COMMANDS.map((c) => c.name);

/** Each command's words, by name (command.words). */
export const COMMAND_WORDS: Readonly<Record<CommandName, readonly string[]>> = Object.fromEntries(
  COMMANDS.map((c) => [c.name, c.words]),
) as Record<CommandName, readonly string[]>;

const BY_NAME = new Map<CommandName, Command>(COMMANDS.map((c) => [c.name, c]));

/** The command of a name (every CommandName has one: the registry test checks it). */
export function findCommand(name: CommandName): Command {
  return BY_NAME.get(name) as Command;
}

/** Whether the roles grant an access level. Owners count as members (they run groups they are in). */
export function hasAccess(roles: Roles, access: Access): boolean {
  if (access === 'anyone') return true;
  if (access === 'member') return roles.roles.has('member') || roles.roles.has('owner');
  return roles.roles.has(access);
}

export interface ParsedCommand {
  name: CommandName;
  /** What followed the command word, split on spaces and commas; 第 and 条/个 around numbers dropped. */
  args: string[];
}

/** Every word of every command, longest first (a stable sort: equal lengths keep registry order). */
const WORDS: readonly [string, Command][] = COMMANDS.flatMap((c) =>
  c.words.map((w) => [w, c] as [string, Command]),
).sort((a, b) => b[0].length - a[0].length);

/** Longer texts are chat, not commands; the cap also bounds the work on any input. */
const MAX_COMMAND_LENGTH = 100;
const PREFIX = /^[\s/#＃!！@]+/u;
const SEPARATORS = /[\s,，、;；:：]+/u;
const ASCII_LETTER = /[a-z]/;
const NUMBERED = /^第?(\d+)[条個个項项]?$/u;

/**
 * Reads a private message as a command, or returns null. Accepts Chinese words and English aliases
 * in any case, full-width forms, traditional characters, a leading / or #, and numbers written
 * 采纳1, 采纳 第1条 or accept 1. A command's `withArgs` applies when arguments follow (`mute 3`
 * means 静音 3). Linear in the input.
 */
export function parseCommand(text: string): ParsedCommand | null {
  const trimmed = text.trim();
  if (trimmed === '' || trimmed.length > MAX_COMMAND_LENGTH) return null;
  const plain = toSimplified(trimmed.normalize('NFKC')).replace(PREFIX, '').trimEnd();
  for (const [word, command] of WORDS) {
    // Words are ASCII or Chinese, so comparing the same number of code units is exact; args keep their case.
    if (plain.slice(0, word.length).toLowerCase() !== word) continue;
    const rest = plain.slice(word.length);
    // "helpme" is not "help"; Chinese words may be followed directly by their argument (采纳1).
    if (ASCII_LETTER.test(word.slice(-1)) && /[a-z]/i.test(rest.charAt(0))) continue;
    const args = rest
      .split(SEPARATORS)
      .filter((a) => a !== '')
      .map((a) => a.replace(NUMBERED, '$1'));
    if (command.withArgs && args.length > 0) return { name: command.withArgs, args };
    return { name: command.name, args };
  }
  return null;
}

/** The word a reply calls a command by: the Chinese word, or for locale en its English word. */
export function commandWord(name: CommandName, locale: Locale): string {
  const { words, enWord } = findCommand(name);
  if (locale === 'en') return enWord ?? words.find((w) => /^[a-z]/.test(w)) ?? (words[0] as string);
  return words[0] as string;
}
