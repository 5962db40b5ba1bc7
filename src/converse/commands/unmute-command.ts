import { answer, type CommandHandler } from '../command-handler.js';
import { groupsNamedBy } from '../groups-named-by.js';

/** 取消静音 N… / unmute N…: the asker's groups N… are no longer counted as muted. */
export const unmuteCommand: CommandHandler = {
  name: 'unmute',
  access: 'member',
  run(ctx, args) {
    const { text, roles, preferences } = ctx;
    const named = groupsNamedBy(ctx, args);
    if ('reply' in named) return named.reply;
    const { groups } = named;
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
