import { buildEffectsPage, buildMembersPage, buildPlanPage } from './consolidation-pages.js';
import { buildGroupPage } from './group-page.js';
import { buildNoticesPage } from './notices-page.js';
import { buildOverviewPage } from './overview-page.js';
import type { PageContext } from './page-context.js';
import type { PageData, PageName } from './page-data.js';
import { buildRecommendationsPage } from './recommendations-page.js';
import { buildUnitPage } from './unit-page.js';

/** Every page by name: the page routes and the exports (which re-build a page and take one table) share it. */
export const PAGE_BUILDERS: Record<PageName, (ctx: PageContext) => PageData> = {
  overview: buildOverviewPage,
  unit: buildUnitPage,
  group: buildGroupPage,
  notices: buildNoticesPage,
  recommendations: buildRecommendationsPage,
  members: buildMembersPage,
  plan: buildPlanPage,
  effects: buildEffectsPage,
};

/** The path each page is served at. */
export const PAGE_PATHS: Record<PageName, string> = {
  overview: '/',
  unit: '/unit',
  group: '/group',
  notices: '/notices',
  recommendations: '/recommendations',
  members: '/members',
  plan: '/plan',
  effects: '/effects',
};

export function isPageName(name: string): name is PageName {
  return Object.hasOwn(PAGE_BUILDERS, name);
}

export function buildPage(name: PageName, ctx: PageContext): PageData {
  return PAGE_BUILDERS[name](ctx);
}
