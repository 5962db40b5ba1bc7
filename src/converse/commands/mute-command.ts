import { weekOf } from '../../analysis/week-bounds.js';
import { cadreGroups } from '../cadre-groups.js';
import { answer, type CommandHandler } from '../command-handler.js';
import { coveredByKept } from '../mute-suggestions.js';
import { numberArgs } from '../parse-command.js';
import { resolveGroupNumbers } from '../resolve-group-numbers.js';

/**
 * 静音 N… / mute N…: notes that the asker muted their groups N… (in WeChat: the bot cannot mute for
 * them). A group that fails the mute-safety rule is noted all the same — it is the cadre's choice —
 * with a warning to read the daily digest.
 */
export const muteCommand: CommandHandler = {
  name: 'mute',
  access: 'member',
  run({ store, config, clock, text, roles, analyses, preferences, word }, args) {
    const numbers = numberArgs(args);
    if (numbers === null || numbers.length === 0) return answer(text.badNumbers(word));
    const { groups, unknown } = resolveGroupNumbers(
      numbers,
      roles.contactId,
      roles.memberGroups,
      preferences,
    );
    if (unknown.length > 0) return answer(text.noSuchGroup(unknown));
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
