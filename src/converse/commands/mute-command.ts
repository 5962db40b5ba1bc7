import { weekOf } from '../../calendar/weeks.js';
import { cadreGroups } from '../cadre-groups.js';
import { answer, type CommandHandler } from '../command-handler.js';
import { groupsNamedBy } from '../groups-named-by.js';
import { coveredByKept } from '../mute-suggestions.js';

/**
 * 静音 N… / mute N…: notes that the asker muted their groups N… (in WeChat: the bot cannot mute for
 * them). A group that fails the mute-safety rule is noted all the same — it is the cadre's choice —
 * with a warning to read the daily digest.
 */
export const muteCommand: CommandHandler = {
  name: 'mute',
  access: 'member',
  run(ctx, args) {
    const { store, config, clock, text, roles, analyses, preferences } = ctx;
    const named = groupsNamedBy(ctx, args);
    if ('reply' in named) return named.reply;
    const { groups } = named;
    const now = clock.now();
    preferences.mute(
      roles.contactId,
      groups.map((g) => g.id),
      now,
    );
    const view = cadreGroups(store, config, roles.contactId, weekOf(now, config.timezone), { analyses });
    const kept = new Set(view.groups.filter((g) => !g.muted).map((g) => g.id));
    const risky = view.groups.filter(
      (g) => groups.some((m) => m.id === g.id) && (g.owned || !coveredByKept(g, kept)),
    );
    const names = groups.map((g) => g.name || g.id);
    const lines = [text.muted(names)];
    if (risky.length > 0) lines.push(text.mutedWarn(risky.map((g) => g.name)));
    if (!preferences.subscription(roles.contactId)) lines.push(text.mutedFoot);
    return answer(lines.join('\n'));
  },
};
