import type { Context, Hono } from 'hono';
import type { DashboardSource } from '../data/dashboard-source.js';
import { tableToCsv, tableToJson } from '../export-table.js';
import { buildPage, isPageName, PAGE_PATHS } from '../pages/build-page.js';
import type { PageContext } from '../pages/page-context.js';
import type { PageName } from '../pages/page-data.js';
import { requestWeek } from '../request-options.js';
import { renderExports } from '../views/exports-view.js';
import { renderMessage } from '../views/message-view.js';
import { renderPage } from '../views/page-view.js';
import type { DashboardEnv } from './dashboard-env.js';

const EXPORT_FILE = /^([A-Za-z]+)\.(csv|json)$/;

/**
 * The pages, the exports page and the exports themselves. Each request first refreshes the data
 * source (drops analyses the store's changes made stale), then builds the page for the viewer.
 */
export function registerPageRoutes(app: Hono<DashboardEnv>, source: DashboardSource): void {
  const context = (c: Context<DashboardEnv>): PageContext | null => {
    source.refresh();
    const week = requestWeek(c, source.config.timezone, () => source.defaultWeek(), source.now());
    if (week === null) return null;
    return { source, access: c.get('access'), week, locale: c.get('locale'), query: c.req.query() };
  };
  const badRequest = (c: Context<DashboardEnv>) =>
    c.html(renderMessage({ status: 400 }, c.get('locale')), 400);

  for (const [name, path] of Object.entries(PAGE_PATHS) as [PageName, string][]) {
    app.get(path, (c) => {
      const ctx = context(c);
      if (ctx === null) return badRequest(c);
      return c.html(renderPage(buildPage(name, ctx), ctx.locale));
    });
  }

  app.get('/exports', (c) => {
    const ctx = context(c);
    if (ctx === null) return badRequest(c);
    const pages = (['overview', 'notices', 'recommendations'] as const).map((p) =>
      buildPage(p, { ...ctx, query: {} }),
    );
    return c.html(renderExports({ pages, frame: pages[0] as (typeof pages)[0] }, ctx.locale));
  });

  app.get('/export/:page/:file', (c) => {
    const page = c.req.param('page');
    const file = EXPORT_FILE.exec(c.req.param('file'));
    if (!isPageName(page) || !file) return c.html(renderMessage({ status: 404 }, c.get('locale')), 404);
    const ctx = context(c);
    if (ctx === null) return badRequest(c);
    const data = buildPage(page, ctx);
    const table = data.tables.find((t) => t.name === file[1]);
    if (!table) return c.html(renderMessage({ status: 404 }, ctx.locale), 404);
    const name = `qingqun-${page}-${table.name}-${data.week}.${file[2]}`;
    const headers = { 'Content-Disposition': `attachment; filename="${name}"` };
    return file[2] === 'csv'
      ? c.body(tableToCsv(table, data), 200, { ...headers, 'Content-Type': 'text/csv; charset=utf-8' })
      : c.body(tableToJson(table, data), 200, {
          ...headers,
          'Content-Type': 'application/json; charset=utf-8',
        });
  });
}
