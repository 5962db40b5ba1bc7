/**
 * Fingerprints everything the weekly analysis produces, to prove an optimisation changed nothing:
 * the hash of every detector's findings, the report JSON and its text rendering for one week of DB.
 * Run it with the code of two checkouts (ROOT) on the same database and compare the printed hashes.
 *
 *   node --import tsx bench/snapshot-week.ts ROOT DB WEEK
 *
 * ROOT is the checkout whose src/ is used (e.g. `.` and a `git worktree` of the old commit).
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

const [root, db, week] = process.argv.slice(2);
if (!root || !db || !week) throw new Error('usage: snapshot-week.ts ROOT DB WEEK');
const src = (path: string) => `${resolve(root)}/src/${path}`;
/** The first of `paths` that ROOT has: files moved (issue 16), and old checkouts must still load. */
const load = async (...paths: string[]) => {
  for (const path of paths) if (existsSync(src(path))) return import(src(path));
  throw new Error(`${root} has none of ${paths.join(', ')}`);
};
const { analyseStoredWeek } = await load('weeks/stored-week.ts', 'analysis/analyse-stored-week.ts');
const { buildWeeklyReport } = await load('analysis/weekly-report.ts');
const { configSchema } = await load('config/schema.ts');
const { renderReport } = await load('render/render-report.ts');
const { Store } = await load('store/store.ts');

const config = configSchema.parse({});
const store = new Store(db, { readonly: true });
try {
  const { data, findings, previous } = analyseStoredWeek(store, config, week);
  const report = buildWeeklyReport({ data, findings, previous, timezone: config.timezone });
  const parts: Record<string, string> = {};
  for (const [name, value] of Object.entries(findings as Record<string, unknown>)) {
    parts[name] = JSON.stringify(value);
  }
  parts.report = JSON.stringify(report);
  parts.text = renderReport(report, { format: 'text', locale: config.locale, contacts: data.contacts });
  for (const [name, value] of Object.entries(parts)) {
    console.log(`${name.padEnd(16)} ${createHash('sha256').update(value).digest('hex').slice(0, 16)}`);
  }
} finally {
  store.close();
}
