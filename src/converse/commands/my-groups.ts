import type { Command } from '../command.js';
import { listCadreGroups } from '../list-cadre-groups.js';
import { answer } from '../reply.js';

/**
 * 我的群 / groups: the asker's own groups (latest rosters), numbered, each with how much of its
 * notice traffic also reached them in another of their groups over the last weeks. Groups of fewer
 * than recommend.minPeople members show no figures. The count is set against
 * recommend.policies.maxGroupsPerMember (the asker's own figure only). The numbering is saved: 静音 N refers to it.
 */
export const myGroupsCommand: Command = {
  name: 'groups',
  words: ['我的群', 'groups', 'my groups'],
  access: 'member',
  help: (text) => text.help.groups,
  run(ctx) {
    const { text, config } = ctx;
    const listing = listCadreGroups(ctx);
    if (!listing) return answer(text.noGroups);
    const { view, span } = listing;
    const lines = [
      text.groupsHead(view.groups.length, span.first, span.last),
      // The cadre's own count against the policy: about themselves only, never compared with anyone.
      text.groupsLimit(view.groups.length, config.recommend.policies.maxGroupsPerMember),
    ];
    view.groups.forEach((g, i) => {
      const tags = [g.owned ? text.tagOwned : '', g.muted ? text.tagMuted : ''].filter(Boolean);
      lines.push(text.groupLine(i + 1, g.name, tags));
      lines.push(g.hidden ? text.groupHidden : text.groupNotices(g.notices.length, g.alsoElsewhere));
    });
    lines.push('', text.groupsFoot);
    return answer(lines.join('\n'));
  },
};
