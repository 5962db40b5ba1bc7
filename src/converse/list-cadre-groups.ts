import { weekOf } from '../calendar/weeks.js';
import { type CadreGroupsView, cadreGroups } from './cadre-groups.js';
import type { ConverseContext } from './command.js';
import { windowSpan } from './window-span.js';

export interface CadreGroupsListing {
  view: CadreGroupsView;
  /** The first and last day of the weeks the figures cover, as the text shows them. */
  span: ReturnType<typeof windowSpan>;
}

/**
 * What 我的群 and 静音建议 both start with: the asker's groups over the recent weeks, numbered, the
 * numbering saved so that a later 静音 N / 订阅 refers to what this answer shows. Null when the asker
 * is in no group (nothing is saved then).
 */
export function listCadreGroups(ctx: ConverseContext): CadreGroupsListing | null {
  const { store, config, clock, text, roles, analyses, preferences } = ctx;
  const now = clock.now();
  const view = cadreGroups(store, config, roles.contactId, weekOf(now, config.timezone), { analyses });
  if (view.groups.length === 0) return null;
  preferences.saveListing(
    roles.contactId,
    view.groups.map((g) => g.id),
    now,
  );
  return { view, span: windowSpan(view.weeks, now, config.timezone, text) };
}
