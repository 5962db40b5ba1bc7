import { shiftWeek } from '../calendar/weeks.js';
import type { Config } from '../config/schema.js';
import type { Store } from '../store/store.js';
import { type NoticeReach, noticeReach } from './notice-reach.js';
import { effectiveOwner } from './resolve-roles.js';
import { WeekAnalyses } from './week-analyses.js';

/** Weeks considered when judging a group's notices (the N weeks up to and including the one asked). */
export const DEFAULT_WINDOW_WEEKS = 4;

export interface CadreGroupsOptions {
  /** How many weeks, ending with `week`. Default 4. */
  weeks?: number;
  /** A cache of analysed weeks to share between commands. */
  analyses?: WeekAnalyses;
}

/** One of the cadre's groups over the weeks considered. */
export interface CadreGroup {
  id: string;
  name: string;
  memberCount: number;
  /** The cadre owns it (stored owner or config.org.ownerOverrides). */
  owned: boolean;
  /** The cadre told the bot they muted it. */
  muted: boolean;
  messages: number;
  notices: NoticeReach[];
  /** Notices that also reached the cadre in another of their groups (muted or not). */
  alsoElsewhere: number;
  /** Fewer than recommend.minPeople members: its figures are not shown. */
  hidden: boolean;
}

export interface CadreGroupsView {
  contactId: string;
  weeks: string[];
  /** Every group whose latest roster lists the cadre, by name then id. */
  groups: CadreGroup[];
}

/** The ISO weeks from `n − 1` weeks before `week` up to `week`, oldest first. */
export function windowWeeks(week: string, n: number, timezone: string): string[] {
  return Array.from({ length: Math.max(1, n) }, (_, i) => shiftWeek(week, i - Math.max(1, n) + 1, timezone));
}

/**
 * The cadre's groups with their notice traffic over the window and how much of it also reached the
 * cadre elsewhere: what 我的群 shows and what the mute-safety rule (muteSuggestions) judges.
 * Reads the store only.
 */
export function cadreGroups(
  store: Store,
  config: Config,
  contactId: string,
  week: string,
  options: CadreGroupsOptions = {},
): CadreGroupsView {
  const weeks = windowWeeks(week, options.weeks ?? DEFAULT_WINDOW_WEEKS, config.timezone);
  const analyses = options.analyses ?? new WeekAnalyses(store, config);
  const member = store.groups.ofMember(contactId);
  const muted = new Set(store.preferences.mutedGroups(contactId));
  const reach = noticeReach(
    weeks.map((w) => analyses.get(w)),
    contactId,
    member.map((g) => g.id),
  );
  const minPeople = config.recommend.minPeople;
  return {
    contactId,
    weeks,
    groups: member.map((g) => {
      const r = reach.get(g.id);
      const notices = r?.notices ?? [];
      return {
        id: g.id,
        name: g.name || g.id,
        memberCount: g.memberCount,
        owned: effectiveOwner(config, g.id, g.ownerId) === contactId,
        muted: muted.has(g.id),
        messages: r?.messages ?? 0,
        notices,
        alsoElsewhere: notices.filter((n) => n.alsoIn.length > 0).length,
        hidden: g.memberCount < minPeople,
      };
    }),
  };
}
