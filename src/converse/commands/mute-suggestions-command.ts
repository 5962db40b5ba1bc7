import { advisedKeepGroups } from '../advised-keep.js';
import { answer, type CommandHandler } from '../command-handler.js';
import { dailyDigestTime } from '../daily-digest-time.js';
import { listCadreGroups } from '../list-cadre-groups.js';
import { suggestFrom } from '../mute-suggestions.js';

/**
 * 静音建议 / mute: the asker's groups that pass the mute-safety rule (muteSuggestions), numbered as
 * in 我的群, each with where its notices reach them instead; the others are only counted. Saves the
 * numbering, so that 静音 N and a bare 订阅 (which adopts these suggestions) refer to what was shown.
 */
export const muteSuggestionsCommand: CommandHandler = {
  name: 'mute-suggestions',
  access: 'member',
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
