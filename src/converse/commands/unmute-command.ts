import { answer, type CommandHandler } from '../command-handler.js';
import { numberArgs } from '../parse-command.js';
import { resolveGroupNumbers } from '../resolve-group-numbers.js';

/** 取消静音 N… / unmute N…: the asker's groups N… are no longer counted as muted. */
export const unmuteCommand: CommandHandler = {
  name: 'unmute',
  access: 'member',
  run({ text, roles, preferences, word }, args) {
    const numbers = numberArgs(args);
    if (numbers === null || numbers.length === 0) return answer(text.badNumbers(word));
    const { groups, unknown } = resolveGroupNumbers(
      numbers,
      roles.contactId,
      roles.memberGroups,
      preferences,
    );
    if (unknown.length > 0) return answer(text.noSuchGroup(unknown));
    const removed = new Set(
      preferences.unmute(
        roles.contactId,
        groups.map((g) => g.id),
      ),
    );
    const names = groups.filter((g) => removed.has(g.id)).map((g) => g.name || g.id);
    return answer(names.length > 0 ? text.unmuted(names) : text.notMuted);
  },
};
