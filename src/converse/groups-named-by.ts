import type { MemberGroup } from '../store/groups.js';
import { answer, type ConverseContext, type Reply } from './command-handler.js';
import { numberArgs } from './parse-command.js';
import { resolveGroupNumbers } from './resolve-group-numbers.js';

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
