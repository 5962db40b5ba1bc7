import type { Config } from '../config/schema.js';
import type { Store } from '../store/store.js';
import { type CadreGroup, type CadreGroupsOptions, cadreGroups } from './cadre-groups.js';

/** A group the cadre can mute without missing a notice, and where its notices reach them instead. */
export interface MuteSuggestion {
  groupId: string;
  name: string;
  messages: number;
  notices: number;
  /** The kept groups that carried its notices, most notices first (at most 3). */
  coveredBy: { groupId: string; name: string; notices: number }[];
  /** Fewer than recommend.minPeople members: say it is safe, show no figures. */
  hidden: boolean;
}

export interface MuteSuggestions {
  contactId: string;
  weeks: string[];
  suggestions: MuteSuggestion[];
  /** Groups left out because a notice reached the cadre there and in no group they keep. */
  unsafe: number;
  /** Groups left out because the cadre owns them (the owner answers there). */
  owned: number;
  /** Groups the cadre has muted already. */
  muted: number;
  /**
   * Groups left out because the week's advice tells their owners to keep them (a merge's survivor,
   * a relay's host, the one group to post in): muting them would contradict that advice.
   */
  advisedKeep: number;
}

/**
 * The mute-safety rule. A group can be muted safely only if every notice that reached it in the
 * weeks considered (a duplicate cluster or a single notice) also reached the cadre in a group they
 * keep; a group that carried a notice found nowhere else is never suggested. Groups the cadre owns
 * and groups already muted are not suggested, and already-muted groups do not count as kept.
 *
 * Suggestions are safe together, not just one by one: each group suggested stops counting as kept
 * for the ones after it (two groups that only cover each other yield one suggestion, not two).
 * Groups carrying fewer distinct notices are taken first, the busier first among equals: a group
 * that carries many notices is likely the one the others copy from, and keeping it lets the most
 * others go. A group with no notices at all is safe (it has nothing to miss).
 */
export function muteSuggestions(
  store: Store,
  config: Config,
  contactId: string,
  week: string,
  options: CadreGroupsOptions = {},
): MuteSuggestions {
  const view = cadreGroups(store, config, contactId, week, options);
  return suggestFrom(view.groups, contactId, view.weeks);
}

/** Whether every notice of `group` also reached the cadre in one of `kept` (other than the group itself). */
export function coveredByKept(group: CadreGroup, kept: ReadonlySet<string>): boolean {
  return group.notices.every((n) => n.alsoIn.some((k) => k !== group.id && kept.has(k)));
}

/** The greedy choice over groups already measured (exported for 静音建议, which also shows 我的群 numbers). */
export function suggestFrom(
  groups: readonly CadreGroup[],
  contactId: string,
  weeks: string[],
  advisedKeep: ReadonlySet<string> = new Set(),
): MuteSuggestions {
  const names = new Map(groups.map((g) => [g.id, g.name]));
  const kept = new Set(groups.filter((g) => !g.muted).map((g) => g.id));
  const candidates = groups
    .filter((g) => !g.muted && !g.owned && !advisedKeep.has(g.id))
    .sort(
      (a, b) =>
        a.notices.length - b.notices.length ||
        b.messages - a.messages ||
        a.name.localeCompare(b.name) ||
        a.id.localeCompare(b.id),
    );
  const suggestions: MuteSuggestion[] = [];
  let unsafe = 0;
  for (const g of candidates) {
    const covering = new Map<string, number>();
    const safe = g.notices.every((n) => {
      const keptCopies = n.alsoIn.filter((k) => k !== g.id && kept.has(k));
      for (const k of keptCopies) covering.set(k, (covering.get(k) ?? 0) + 1);
      return keptCopies.length > 0;
    });
    if (!safe) {
      unsafe++;
      continue;
    }
    kept.delete(g.id);
    suggestions.push({
      groupId: g.id,
      name: g.name,
      messages: g.messages,
      notices: g.notices.length,
      coveredBy: [...covering]
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .slice(0, 3)
        .map(([groupId, notices]) => ({ groupId, name: names.get(groupId) ?? groupId, notices })),
      hidden: g.hidden,
    });
  }
  return {
    contactId,
    weeks,
    suggestions,
    unsafe,
    owned: groups.filter((g) => !g.muted && g.owned).length,
    muted: groups.filter((g) => g.muted).length,
    advisedKeep: groups.filter((g) => !g.muted && !g.owned && advisedKeep.has(g.id)).length,
  };
}
