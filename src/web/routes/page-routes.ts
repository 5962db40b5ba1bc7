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
 * source (drops analyses the store's changes made stale), then builds the page for the viewer
 * through source.build (which awaits what the store cannot answer at once).
 */
export function registerPageRoutes(app: Hono<DashboardEnv>, source: DashboardSource): void {
  /** Called inside source.build: the default week is read from the store. */
  const context = (c: Context<DashboardEnv>): PageContext | null => {
    const week = requestWeek(c, source.config.timezone, () => source.defaultWeek(), source.now());
    if (week === null) return null;
    return { source, access: c.get('access'), week, locale: c.get('locale'), query: c.req.query() };
  };
  /**
   * Refreshes the source, then builds what `make` makes of the request's context (null: a bad
   * week), awaiting every read the store cannot answer at once (DashboardSource.build).
   */
  const built = async <T>(c: Context<DashboardEnv>, make: (ctx: PageContext) => T): Promise<T | null> => {
    await source.refresh();
    return source.build(() => {
      const ctx = context(c);
      return ctx === null ? null : make(ctx);
    });
  };
  const badRequest = (c: Context<DashboardEnv>) =>
    c.html(renderMessage({ status: 400 }, c.get('locale')), 400);

  for (const [name, path] of Object.entries(PAGE_PATHS) as [PageName, string][]) {
    app.get(path, async (c) => {
      const html = await built(c, (ctx) => renderPage(buildPage(name, ctx), ctx.locale));
      return html === null ? badRequest(c) : c.html(html);
    });
  }

  app.get('/exports', async (c) => {
    const html = await built(c, (ctx) => {
      const pages = (['overview', 'notices', 'recommendations'] as const).map((p) =>
        buildPage(p, { ...ctx, query: {} }),
      );
      return renderExports({ pages, frame: pages[0] as (typeof pages)[0] }, ctx.locale);
    });
    return html === null ? badRequest(c) : c.html(html);
  });

  app.get('/export/:page/:file', async (c) => {
    const page = c.req.param('page');
    const file = EXPORT_FILE.exec(c.req.param('file'));
    if (!isPageName(page) || !file) return c.html(renderMessage({ status: 404 }, c.get('locale')), 404);
    const data = await built(c, (ctx) => buildPage(page, ctx));
    if (data === null) return badRequest(c);
    const table = data.tables.find((t) => t.name === file[1]);
    if (!table) return c.html(renderMessage({ status: 404 }, c.get('locale')), 404);
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
