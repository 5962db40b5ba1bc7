import type { MemberGroup } from '../store/groups.js';
import type { CadrePreferences } from '../store/preferences.js';

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
