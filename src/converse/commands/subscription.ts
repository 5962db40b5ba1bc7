import { weekOf } from '../../calendar/weeks.js';
import { advisedKeepGroups } from '../advised-keep.js';
import { cadreGroups } from '../cadre-groups.js';
import type { Command } from '../command.js';
import { dailyDigestTime } from '../daily-digest-time.js';
import { suggestFrom } from '../mute-suggestions.js';
import { answer } from '../reply.js';

/** The daily digest of muted groups (converse/daily-digest.ts sends it): starting and ending it. */

/**
 * 订阅 / subscribe: the daily digest of what only the asker's muted groups carried. When they have
 * noted no muted group yet, their current mute suggestions are noted as muted (the reply names
 * them): "静音建议 → 订阅" is the whole conversation a cadre needs.
 */
export const subscribeCommand: Command = {
  name: 'subscribe',
  words: ['订阅', 'subscribe'],
  access: 'member',
  help: (text) => text.help.subscribe,
  run(ctx) {
    const { store, config, clock, text, roles, analyses, preferences } = ctx;
    const now = clock.now();
    const contactId = roles.contactId;
    const mine = new Set(roles.memberGroups.map((g) => g.id));
    let muted = preferences.mutedGroups(contactId).filter((g) => mine.has(g)).length;
    const lines: string[] = [];
    if (muted === 0) {
      const view = cadreGroups(store, config, contactId, weekOf(now, config.timezone), { analyses });
      const { suggestions } = suggestFrom(
        view.groups,
        contactId,
        view.weeks,
        advisedKeepGroups(ctx, view.weeks),
      );
      if (suggestions.length > 0) {
        preferences.mute(
          contactId,
          suggestions.map((s) => s.groupId),
          now,
        );
        muted = suggestions.length;
        lines.push(text.adopted(suggestions.map((s) => s.name)));
      }
    }
    const at = text.dailyAt(dailyDigestTime(config.schedules.dailyDigest));
    if (!preferences.subscribe(contactId, now)) lines.push(text.alreadySubscribed);
    else lines.push(muted > 0 ? text.subscribed(at, muted) : text.subscribedNoMuted(at));
    return answer(lines.join('\n'));
  },
};

/** 退订 / unsubscribe: ends the asker's daily digest (the groups stay noted as muted). */
export const unsubscribeCommand: Command = {
  name: 'unsubscribe',
  words: ['退订', '取消订阅', 'unsubscribe'],
  access: 'member',
  help: (text) => text.help.unsubscribe,
  run({ text, roles, preferences }) {
    return answer(preferences.unsubscribe(roles.contactId) ? text.unsubscribed : text.notSubscribed);
  },
};
