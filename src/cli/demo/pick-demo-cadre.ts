import type { Config } from '../../config/schema.js';
import { muteSuggestions } from '../../converse/mute-suggestions.js';
import { resolveRoles } from '../../converse/resolve-roles.js';
import type { Store } from '../../store/store.js';
import { WeekAnalyses } from '../../weeks/week-analyses.js';

/**
 * For `npm start`'s scripted conversation (我的群 → 静音建议 → 订阅): a cadre who owns no group and
 * is no supervisor, with the most mute suggestions that carried notices (then the most suggestions,
 * then the lowest id), so the demo shows the rule at work. Undefined when nobody is rostered.
 */
export function pickDemoCadre(
  store: Store,
  config: Config,
  week: string,
  analyses = WeekAnalyses.forStore(store, config),
): string | undefined {
  let best: { id: string; score: [number, number] } | undefined;
  for (const id of store.contacts.rostered()) {
    if (resolveRoles(store, config, id).roles.size !== 1) continue;
    const { suggestions } = muteSuggestions(store, config, id, week, { analyses });
    const score: [number, number] = [suggestions.filter((s) => s.notices > 0).length, suggestions.length];
    if (!best || score[0] > best.score[0] || (score[0] === best.score[0] && score[1] > best.score[1]))
      best = { id, score };
  }
  return best?.id;
}
