import type { Config } from '../config/schema.js';
import type { Clock } from '../deliver/clock.js';
import type { CadrePreferences } from '../store/preferences.js';
import type { Store } from '../store/store.js';
import type { WeekAnalyses } from '../weeks/week-analyses.js';
import type { ConverseText } from './converse-text.js';
import type { MemberPrivacy } from './member-privacy.js';
import type { Reply } from './reply.js';
import type { Roles } from './resolve-roles.js';

/**
 * The shape of a private-chat command and what its handler may use. Apart from the registry
 * (command-registry.ts, which imports every command module) so that the command modules can name
 * these types without importing the registry back.
 */

/** A command's name: the key of its help line in the text catalogue. */
export type CommandName = keyof ConverseText['help'];

/** Who may use a command; the conversation checks it before a handler runs. */
export type Access = 'anyone' | 'member' | 'owner' | 'supervisor';

/** What a handler may use. `roles` are those of the contact asking; handlers act for them only. */
export interface ConverseContext {
  store: Store;
  config: Config;
  clock: Clock;
  text: ConverseText;
  roles: Roles;
  analyses: WeekAnalyses;
  preferences: CadrePreferences;
  /** Absent until the privacy layer is wired: 退出记录 / 恢复记录 / 我的数据 then say so. */
  privacy?: MemberPrivacy;
  /** The word the contact used for the command (shown back in refusals and hints). */
  word: string;
  /** The commands this contact may use, in help order. */
  available: readonly Command[];
}

export interface Command {
  name: CommandName;
  /**
   * The words that call it: Chinese first (what help shows and Chinese replies call it by), then
   * English aliases in lower case. A message is matched on its start, longest word of any command
   * first, so 静音建议 wins over 静音 and 取消静音 over both. No two commands share a word.
   */
  words: readonly string[];
  /** The word English replies call it by, when that is not its first English alias. */
  enWord?: string;
  /** Followed by arguments, this command's words mean another command instead (静音建议 3 = 静音 3). */
  withArgs?: CommandName;
  access: Access;
  /** Its line in the 帮助 listing, from the text catalogue of the contact's locale. */
  help(text: ConverseText): string;
  run(ctx: ConverseContext, args: readonly string[]): Reply | Promise<Reply>;
}
