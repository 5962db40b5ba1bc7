import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Hono } from 'hono';
import type { DashboardEnv } from './dashboard-env.js';

/** The dashboard's files, read once from the package (no CDN: the dashboard works offline). */
export interface Assets {
  style: string;
  script: string;
  echarts: Buffer;
}

export function loadAssets(): Assets {
  const here = (name: string) => readFileSync(new URL(`../assets/${name}`, import.meta.url));
  const require = createRequire(import.meta.url);
  return {
    style: here('style.css').toString('utf8'),
    script: here('dashboard.js').toString('utf8'),
    echarts: readFileSync(require.resolve('echarts/dist/echarts.min.js')),
  };
}

const CACHE = 'private, max-age=3600';

/** The stylesheet, which the login page needs before anyone is logged in. */
export function registerPublicAssets(app: Hono<DashboardEnv>, assets: Assets): void {
  app.get('/assets/style.css', (c) =>
    c.body(assets.style, 200, { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': CACHE }),
  );
}

/** Scripts: served only with a session, like everything but the login page and its stylesheet. */
export function registerPrivateAssets(app: Hono<DashboardEnv>, assets: Assets): void {
  app.get('/assets/dashboard.js', (c) =>
    c.body(assets.script, 200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': CACHE }),
  );
  app.get('/assets/echarts.min.js', (c) =>
    c.body(new Uint8Array(assets.echarts), 200, {
      'Content-Type': 'text/javascript; charset=utf-8',
      'Cache-Control': CACHE,
    }),
  );
}
