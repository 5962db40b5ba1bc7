/**
 * The invariant behind "nothing about fewer than 5 people" on the dashboard (issue 13 item 1),
 * tested on generated towns rather than case by case: for every week and scope, collect every
 * message figure that any page or export shows (overview KPIs, the units table, the weekly trend,
 * unit KPIs and trends, group rows with last week's figures, group KPIs with their change and weekly
 * trend, notices with their per-group deliveries) as linear equations over the unknowns — each
 * group's messages in each week, each notice's copies in each group — and solve them: no
 * combination of shown figures may pin down a sum over groups that together hold fewer than
 * minPeople people in that week. People figures (members, people) are checked to be ≥ minPeople
 * wherever shown. Exports are the pages' tables (page-routes.ts builds the page and writes one
 * table), so checking PageData covers them.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { configSchema } from '../../src/config/schema.js';
import { Store } from '../../src/store/store.js';
import { DashboardSource } from '../../src/web/data/dashboard-source.js';
import { webText } from '../../src/web/views/web-text.js';
import {
  buildStore,
  checkHardTown,
  checkTown,
  coverage,
  HARD_TOWN,
  NOW,
  TZ,
  town,
} from './disclosure-equations.js';

describe('no combination of shown figures isolates fewer than 5 people', () => {
  it('holds over generated towns, every page and export, both weeks and a random scope', async () => {
    await fc.assert(
      fc.asyncProperty(town, async (t) => {
        const db = buildStore(t);
        const store = new Store(db, { readonly: true });
        try {
          await checkTown(t, new DashboardSource(store, configSchema.parse({ db, timezone: TZ }), () => NOW));
        } finally {
          store.close();
        }
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 40), seed: Number(process.env.FC_SEED ?? 1307) },
    );
    expect(coverage.overlapsShown).toBeGreaterThan(0);
    expect(coverage.overlapsOutOfScope).toBeGreaterThan(0);
  }, 240_000);

  it('catches the subtraction of issue 13 (a hard case the generator must cover)', async () => {
    const db = buildStore(HARD_TOWN);
    const store = new Store(db, { readonly: true });
    try {
      await checkHardTown(new DashboardSource(store, configSchema.parse({ db, timezone: TZ }), () => NOW));
      expect(webText('zh-CN').unassigned).toBeTruthy();
    } finally {
      store.close();
    }
  });
});
