/**
 * Takes the screenshots in docs/screenshots/ on the simulated town office (seed 1, no test
 * injections), in headless Debian Chromium. Run: `npx tsx test/web/take-screenshots.ts [DIR]`.
 * Chinese text needs a CJK font on the machine (Debian: fonts-noto-cjk).
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { Store } from '../../src/store/store.js';
import { serveDashboard } from '../../src/web/serve-dashboard.js';
import { launchChromium, paintedPixels, watchPage } from './browser-fixture.js';
import { ALL_TOKEN, buildDashboardDb, dashboardConfig } from './dashboard-fixture.js';

const dir = resolve(process.argv[2] ?? 'docs/screenshots');
mkdirSync(dir, { recursive: true });
const db = await buildDashboardDb({ plain: true });
const store = new Store(db, { readonly: true });
const running = await serveDashboard({ store, config: dashboardConfig(db), port: 0 });
await running.warmed;
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1360, height: 900 }, deviceScaleFactor: 1 });
  const problems = watchPage(page);
  await page.goto(`${running.url}/login`);
  await page.fill('input[name="token"]', ALL_TOKEN);
  await Promise.all([page.waitForURL(`${running.url}/`), page.click('button[type="submit"]')]);
  const shots: [string, string][] = [
    ['overview.png', '/?week=2026-W47'],
    ['group.png', `/group?id=${encodeURIComponent('g-gongzuo@chatroom')}&week=2026-W47`],
  ];
  for (const [file, path] of shots) {
    await page.goto(`${running.url}${path}`);
    await paintedPixels(page);
    await page.screenshot({ path: resolve(dir, file), fullPage: true });
    process.stdout.write(`${resolve(dir, file)}\n`);
  }
  if (problems.length > 0) throw new Error(problems.join('\n'));
} finally {
  await browser.close();
  await running.close();
  store.close();
}
