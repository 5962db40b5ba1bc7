/**
 * Plants one town's week. Event counts scale with the town's message budget (rates are per 1,500
 * messages, the default week of one town) with a floor of one or two, so every truth category shows
 * up every week. Events that need a clear window are planted first, lone acknowledgements after all
 * floods (they keep two hours clear of them), and ordinary chatter fills the rest of the budget.
 */

import { plantChatter } from './events/chatter.js';
import { plantFile, plantLink } from './events/files-and-links.js';
import { plantNotice } from './events/notices.js';
import { plantLeaderRequest, plantLoneAck } from './events/plant-ack-floods.js';
import { plantShowcase } from './events/plant-like-spam.js';
import { plantPhotoDemand } from './events/plant-photo-proof.js';
import { plantRollCall } from './events/plant-roll-calls.js';
import { plantTemplateNegatives } from './events/template-negatives.js';
import type { WeekContext } from './week-context.js';

/** Events per 1,500 messages, and the minimum per town-week. */
const RATES = {
  jielong: [2, 1],
  miniprogram: [2, 1],
  numberOff: [2, 1],
  rushedPhoto: [2, 1],
  relaxedPhoto: [2, 1],
  showcase: [5, 2],
  leaderRequest: [4, 1],
  templateNegatives: [1, 1],
  rushedForwarded: [3, 1],
  rushedSingle: [2, 1],
  noticeCluster: [9, 2],
  noticeSingle: [7, 1],
  file: [2, 1],
  correctedFile: [1, 1],
  link: [3, 1],
  loneAck: [4, 1],
} as const;

export function planTownWeek(ctx: WeekContext, budget: number): void {
  const { rng } = ctx;
  const scale = budget / 1500;
  const times = (name: keyof typeof RATES, plant: () => void) => {
    const [rate, floor] = RATES[name];
    const expected = rate * scale;
    const n = Math.max(floor, Math.floor(expected) + (rng.next() < expected % 1 ? 1 : 0));
    for (let i = 0; i < n; i++) plant();
  };

  times('jielong', () => plantRollCall(ctx, 'jielong'));
  times('miniprogram', () => plantRollCall(ctx, 'miniprogram'));
  times('numberOff', () => plantRollCall(ctx, 'numberOff'));
  times('rushedPhoto', () => plantPhotoDemand(ctx, true));
  times('relaxedPhoto', () => plantPhotoDemand(ctx, false));
  times('showcase', () => plantShowcase(ctx));
  times('leaderRequest', () => plantLeaderRequest(ctx));
  times('templateNegatives', () => plantTemplateNegatives(ctx));
  times('rushedForwarded', () => plantNotice(ctx, { rushed: true }));
  times('rushedSingle', () => plantNotice(ctx, { rushed: true, groups: 1 }));
  times('noticeCluster', () => plantNotice(ctx));
  times('noticeSingle', () => plantNotice(ctx, { groups: 1 }));
  times('file', () => plantFile(ctx, false));
  times('correctedFile', () => plantFile(ctx, true));
  times('link', () => plantLink(ctx));
  times('loneAck', () => {
    for (let tries = 0; tries < 5 && !plantLoneAck(ctx); tries++);
  });

  // Chatter: the rest of the budget, shared by activity and size; every live group speaks every week.
  const rest = Math.max(0, budget - ctx.posted());
  const weights = ctx.active.map((g) => g.activity * Math.sqrt(g.members.length));
  const total = weights.reduce((a, b) => a + b, 0);
  ctx.active.forEach((group, i) => {
    plantChatter(ctx, group, Math.max(3, Math.round((rest * (weights[i] as number)) / total)));
  });
}
