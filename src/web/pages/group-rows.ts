import type { PageTools } from './page-context.js';
import type { Column, Row } from './page-data.js';

export const GROUP_COLUMNS: Column[] = [
  { key: 'group', kind: 'text' },
  { key: 'members', kind: 'number' },
  { key: 'messages', kind: 'number' },
  { key: 'previousMessages', kind: 'number' },
  { key: 'offHoursShare', kind: 'share' },
  { key: 'atAllMessages', kind: 'number' },
  { key: 'duplicateNotices', kind: 'number' },
  { key: 'rollCalls', kind: 'number' },
  { key: 'ackFloods', kind: 'number' },
  { key: 'likeSpam', kind: 'number' },
  { key: 'photoProof', kind: 'number' },
  { key: 'rushedRequests', kind: 'number' },
  { key: 'zombie', kind: 'enum' },
];

/**
 * Per-group figures of the week (groups sorted by name); groups the plan hides show "—" for all but
 * the zombie flag, and last week's messages follow last week's plan.
 */
export function groupRows(tools: PageTools, groupIds: readonly string[]): Row[] {
  const { view } = tools;
  const f = view.analysis.findings;
  const count = (list: readonly { groupId: string }[]) => {
    const n = new Map<string, number>();
    for (const x of list) n.set(x.groupId, (n.get(x.groupId) ?? 0) + 1);
    return n;
  };
  const duplicates = new Map<string, number>();
  for (const c of f.duplicates) for (const g of c.groupIds) duplicates.set(g, (duplicates.get(g) ?? 0) + 1);
  const counts = {
    rollCalls: count(f.rollCalls),
    ackFloods: count(f.ackFloods),
    likeSpam: count(f.likeSpam),
    photoProof: count(f.photoProof),
    rushedRequests: count(f.rushedRequests),
  };
  const zombies = new Set(f.zombies.map((z) => z.groupId));
  const previous = view.analysis.previous;
  return [...groupIds]
    .sort((a, b) => tools.groupName(a).localeCompare(tools.groupName(b), 'zh-CN'))
    .map((id) => {
      const v = view.volume.get(id);
      const hide = !tools.shows(id);
      const shown = (n: number) => (hide ? null : n);
      const messages = v?.messages ?? 0;
      return {
        cells: {
          group: tools.groupName(id),
          members: shown(view.analysis.data.members.get(id)?.length ?? 0),
          messages: shown(messages),
          previousMessages:
            previous === null || hide || tools.previousPlan().groupHidden(id)
              ? null
              : (previous.messagesByGroup[id] ?? 0),
          offHoursShare: hide || messages === 0 ? null : (v?.offHoursMessages ?? 0) / messages,
          atAllMessages: shown(v?.atAllMessages ?? 0),
          duplicateNotices: shown(duplicates.get(id) ?? 0),
          ...Object.fromEntries(Object.entries(counts).map(([key, n]) => [key, shown(n.get(id) ?? 0)])),
          zombie: zombies.has(id) ? 'yes' : 'no',
        },
        links: tools.groupLink(id) ? { group: tools.groupLink(id) as string } : undefined,
      };
    });
}
