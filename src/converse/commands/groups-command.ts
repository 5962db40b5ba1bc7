import { weekOf } from '../../analysis/week-bounds.js';
import { cadreGroups } from '../cadre-groups.js';
import { answer, type CommandHandler } from '../command-handler.js';
import { windowSpan } from '../window-span.js';

/**
 * 我的群 / groups: the asker's own groups (latest rosters), numbered, each with how much of its
 * notice traffic also reached them in another of their groups over the last weeks. Groups of fewer
 * than recommend.minPeople members show no figures. The numbering is saved: 静音 N refers to it.
 */
export const groupsCommand: CommandHandler = {
  name: 'groups',
  access: 'member',
  run({ store, config, clock, text, roles, analyses, preferences }) {
    const now = clock.now();
    const view = cadreGroups(store, config, roles.contactId, weekOf(now, config.timezone), { analyses });
    if (view.groups.length === 0) return answer(text.noGroups);
    preferences.saveListing(
      roles.contactId,
      view.groups.map((g) => g.id),
      now,
    );
    const span = windowSpan(view.weeks, now, config.timezone, text);
    const lines = [text.groupsHead(view.groups.length, span.first, span.last)];
    view.groups.forEach((g, i) => {
      const tags = [g.owned ? text.tagOwned : '', g.muted ? text.tagMuted : ''].filter(Boolean);
      lines.push(text.groupLine(i + 1, g.name, tags));
      lines.push(g.hidden ? text.groupHidden : text.groupNotices(g.notices.length, g.alsoElsewhere));
    });
    lines.push('', text.groupsFoot);
    return answer(lines.join('\n'));
  },
};
