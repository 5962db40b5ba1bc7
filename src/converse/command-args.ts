import { weekBounds, weekOf } from '../calendar/weeks.js';
import type { MemberGroup } from '../store/groups.js';
import type { CadrePreferences } from '../store/preferences.js';
import type { Store } from '../store/store.js';
import type { ConverseContext } from './command.js';
import type { ConverseText } from './converse-text.js';
import { answer, type Reply } from './reply.js';

/**
 * Reading what follows a command word: numbers (采纳 1), the asker's groups by number (静音 3 5), a
 * week (周报 2026-W46). The parser (command-registry.ts) has already split the args and dropped 第 and 条.
 */

/** The numbers among the args (1-based positions), or null when any arg is not a positive number. */
export function numberArgs(args: readonly string[]): number[] | null {
  const numbers = args.map((a) => (/^\d{1,6}$/.test(a) ? Number(a) : Number.NaN));
  return numbers.every((n) => Number.isInteger(n) && n > 0) ? numbers : null;
}

/**
 * Turns "静音 3 5" into the asker's groups: numbers refer to the list last shown to them (我的群 or
 * 静音建议), else to their groups as 我的群 would list them now. A number that is out of range, or
 * names a group the asker is no longer in, is returned in `unknown`: nobody can name a group that
 * is not theirs.
 */
export function resolveGroupNumbers(
  numbers: readonly number[],
  contactId: string,
  memberGroups: readonly MemberGroup[],
  preferences: CadrePreferences,
): { groups: MemberGroup[]; unknown: number[] } {
  const mine = new Map(memberGroups.map((g) => [g.id, g]));
  const listing = preferences.listing(contactId) ?? memberGroups.map((g) => g.id);
  const groups: MemberGroup[] = [];
  const unknown: number[] = [];
  for (const n of numbers) {
    const group = mine.get(listing[n - 1] ?? '');
    if (!group) unknown.push(n);
    else if (!groups.includes(group)) groups.push(group);
  }
  return { groups, unknown };
}

/**
 * What 静音 N… and 取消静音 N… both start with: the asker's groups their numbers name
 * (resolveGroupNumbers), or the reply that says why there are none — no numbers, or a number that
 * names no group of theirs.
 */
export function groupsNamedBy(
  ctx: Pick<ConverseContext, 'text' | 'roles' | 'preferences' | 'word'>,
  args: readonly string[],
): { groups: MemberGroup[] } | { reply: Reply } {
  const { text, roles, preferences, word } = ctx;
  const numbers = numberArgs(args);
  if (numbers === null || numbers.length === 0) return { reply: answer(text.badNumbers(word)) };
  const { groups, unknown } = resolveGroupNumbers(numbers, roles.contactId, roles.memberGroups, preferences);
  if (unknown.length > 0) return { reply: answer(text.noSuchGroup(unknown)) };
  return { groups };
}

const WEEK = /^\d{4}-w\d{2}$/i;

/**
 * Reads the arguments of 周报 / 审计: an ISO week (returned, upper-cased), or nothing (undefined).
 * The asker's own id is allowed and ignored; any other argument — another person's id or name, a
 * malformed week — is 'other', which the caller refuses without saying whether that person exists.
 */
export function readWeekArg(
  args: readonly string[],
  contactId: string,
  timezone: string,
): string | undefined | 'other' {
  let week: string | undefined;
  for (const arg of args) {
    if (arg === contactId) continue;
    if (!WEEK.test(arg)) return 'other';
    week = arg.toUpperCase();
    try {
      weekBounds(week, timezone);
    } catch {
      return 'other';
    }
  }
  return week;
}

/**
 * Why `week` (a valid ISO week) cannot be shown by 周报 / 审计, as the reply to send, or null when it
 * can: a week after the current one has nothing yet (and a digest of it would store a numbering that
 * hijacks "采纳 N"), a week before the first stored message (a plausible one, Messages.span) has
 * nothing ever. The current week may be asked for: it is partial, not empty. Weeks compare as
 * `YYYY-Www` strings, which order like the weeks themselves.
 */
export function weekOutOfRange(
  store: Store,
  week: string,
  now: number,
  timezone: string,
  text: ConverseText,
): string | null {
  const current = weekOf(now, timezone);
  if (week.localeCompare(current) > 0) return text.weekNotYet(week, current);
  const { first } = store.messages.span();
  const firstWeek = first === null ? null : weekOf(first, timezone);
  if (firstWeek === null || week.localeCompare(firstWeek) < 0) return text.weekBeforeRecords(week, firstWeek);
  return null;
}
