import type { ConverseContext } from './command.js';

/**
 * The groups the latest week's advice tells owners to keep — a merge's survivor, a relay's host,
 * the one group to post a notice in — unless that advice was dismissed. The mute suggestions leave
 * them out, so a member is never told to mute the group its owner is told to keep (issue 14).
 * Uses the conversation's cached analyses for the week and its evidence window.
 */
export function advisedKeepGroups(ctx: ConverseContext, weeks: readonly string[]): Set<string> {
  const week = weeks[weeks.length - 1];
  if (week === undefined) return new Set();
  const recommendations = ctx.analyses.recommendationsNow(week);
  const keep = new Set<string>();
  for (const r of recommendations) {
    if (r.status === 'dismissed' || r.keepGroupId === null) continue;
    if (r.kind === 'merge' || r.kind === 'archive' || r.kind === 'dedupe-notices') keep.add(r.keepGroupId);
  }
  return keep;
}
