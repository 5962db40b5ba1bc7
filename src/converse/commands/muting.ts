import { weekOf } from '../../calendar/weeks.js';
import { advisedKeepGroups } from '../advised-keep.js';
import { cadreGroups } from '../cadre-groups.js';
import type { Command } from '../command.js';
import { groupsNamedBy } from '../command-args.js';
import { dailyDigestTime } from '../daily-digest-time.js';
import { listCadreGroups } from '../list-cadre-groups.js';
import { coveredByKept, suggestFrom } from '../mute-suggestions.js';
import { answer } from '../reply.js';

/**
 * 静音建议 / mute: the asker's groups that pass the mute-safety rule (muteSuggestions), numbered as
 * in 我的群, each with where its notices reach them instead; the others are only counted. Saves the
 * numbering, so that 静音 N and a bare 订阅 (which adopts these suggestions) refer to what was shown.
 */
export const muteSuggestionsCommand: Command = {
  name: 'mute-suggestions',
  words: ['静音建议', 'mute'],
  // A cadre who writes 静音建议 3 or mute 3 means to note group 3 as muted.
  withArgs: 'mute',
  access: 'member',
  help: (text) => text.help['mute-suggestions'],
  run(ctx) {
    const { config, text, roles } = ctx;
    const listing = listCadreGroups(ctx);
    if (!listing) return answer(text.noGroups);
    const { view, span } = listing;
    const result = suggestFrom(view.groups, roles.contactId, view.weeks, advisedKeepGroups(ctx, view.weeks));
    const number = new Map(view.groups.map((g, i) => [g.id, i + 1]));
    const leftOut = text.suggestLeftOut(result.unsafe, result.owned, result.muted, result.advisedKeep);
    if (result.suggestions.length === 0) {
      return answer([text.noSuggestions(span.first, span.last), leftOut].filter(Boolean).join('\n'));
    }
    const lines = [text.suggestHead(result.suggestions.length, span.first, span.last)];
    const shown = [...result.suggestions].sort(
      (a, b) => (number.get(a.groupId) ?? 0) - (number.get(b.groupId) ?? 0),
    );
    for (const s of shown) {
      lines.push(text.suggestLine(number.get(s.groupId) ?? 0, s.name));
      lines.push(
        s.hidden
          ? text.suggestHidden
          : text.suggestCovered(
              s.notices,
              s.coveredBy.map((c) => c.name),
            ),
      );
    }
    if (leftOut) lines.push(leftOut);
    lines.push('', text.suggestFoot(text.dailyAt(dailyDigestTime(config.schedules.dailyDigest))));
    return answer(lines.join('\n'));
  },
};

/**
 * 静音 N… / mute N…: notes that the asker muted their groups N… (in WeChat: the bot cannot mute for
 * them). A group that fails the mute-safety rule is noted all the same — it is the cadre's choice —
 * with a warning to read the daily digest.
 */
export const muteCommand: Command = {
  name: 'mute',
  // 'mute' alone is 静音建议's alias; followed by numbers it means this command (withArgs there).
  words: ['静音'],
  enWord: 'mute',
  access: 'member',
  help: (text) => text.help.mute,
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

/** 取消静音 N… / unmute N…: the asker's groups N… are no longer counted as muted. */
export const unmuteCommand: Command = {
  name: 'unmute',
  words: ['取消静音', 'unmute'],
  access: 'member',
  help: (text) => text.help.unmute,
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
