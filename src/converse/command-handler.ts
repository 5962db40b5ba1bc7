import type { Config } from '../config/schema.js';
import type { Clock } from '../deliver/clock.js';
import type { CadrePreferences } from '../store/cadre-preferences.js';
import type { Store } from '../store/store.js';
import type { WeekAnalyses } from '../weeks/week-analyses.js';
import type { ConverseText } from './converse-text.js';
import type { MemberPrivacy } from './member-privacy.js';
import type { CommandName } from './parse-command.js';
import type { Roles } from './resolve-roles.js';

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
  available: readonly CommandName[];
}

export type ReplyPart = { kind: 'text'; text: string } | { kind: 'image'; base64: string; name: string };

/** 'refused': the contact may not see or change what they asked for; the parts then hold no data. */
export interface Reply {
  outcome: 'answered' | 'refused';
  parts: ReplyPart[];
}

/** Who may use a command; the conversation checks it before a handler runs. */
export type Access = 'anyone' | 'member' | 'owner' | 'supervisor';

export interface CommandHandler {
  name: CommandName;
  access: Access;
  run(ctx: ConverseContext, args: readonly string[]): Reply | Promise<Reply>;
}

export const answer = (...texts: string[]): Reply => ({
  outcome: 'answered',
  parts: texts.map((text) => ({ kind: 'text', text })),
});

export const refuse = (text: string): Reply => ({ outcome: 'refused', parts: [{ kind: 'text', text }] });

/** Whether the roles grant an access level. Owners count as members (they run groups they are in). */
export function hasAccess(roles: Roles, access: Access): boolean {
  if (access === 'anyone') return true;
  if (access === 'member') return roles.roles.has('member') || roles.roles.has('owner');
  return roles.roles.has(access);
}
