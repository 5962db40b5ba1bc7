/**
 * Ordinary traffic filling the rest of the week's budget: short exchanges, questions and answers,
 * stickers, photos, @-mentions, recalls, and system lines (拍一拍, joins, renames). Chatter keeps out of
 * the spans planted events reserved, and a few talkative members write most of it, as in real groups.
 */
import { longLine, QUESTION_ANSWERS, SHORT_LINES } from '../chat-lines.js';
import { imageFile } from '../media.js';
import type { Cadre, SimGroup } from '../organisation.js';
import { createPrng, mixSeed } from '../prng.js';
import { joinText, patText, renameText } from '../reply-pools.js';
import { MINUTE } from '../sim-clock.js';
import type { WeekContext } from '../week-context.js';

/** Cumulative talkativeness per member (Zipf-like, the owner among the most active). */
const talk = new WeakMap<SimGroup, Float64Array>();

function talkativeness(group: SimGroup): Float64Array {
  let cum = talk.get(group);
  if (!cum) {
    const rng = createPrng(mixSeed(group.createdAt, group.members.length));
    const ranks = rng.shuffled(group.members.map((_, i) => i));
    cum = new Float64Array(group.members.length);
    let total = 0;
    group.members.forEach((m, i) => {
      total += m === group.owner ? 1.5 : 1 / (1 + (ranks[i] as number)) ** 0.9;
      (cum as Float64Array)[i] = total;
    });
    talk.set(group, cum);
  }
  return cum;
}

function speaker(ctx: WeekContext, group: SimGroup): Cadre {
  const cum = talkativeness(group);
  const r = ctx.rng.next() * (cum[cum.length - 1] as number);
  let lo = 0;
  let hi = cum.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((cum[mid] as number) > r) hi = mid;
    else lo = mid + 1;
  }
  return group.members[lo] as Cadre;
}

/** Seconds between two lines of one conversation, in ms. */
function gap(ctx: WeekContext): number {
  return ctx.rng.int(10, 240) * 1000;
}

/** One short conversation starting at `at`; returns the number of messages posted. */
function conversation(ctx: WeekContext, group: SimGroup, at: number): number {
  const { rng } = ctx;
  const a = speaker(ctx, group);
  let b = speaker(ctx, group);
  if (b === a) b = rng.pick(group.members);
  const r = rng.next();
  let t = at;
  if (r < 0.42) {
    const n = rng.int(1, 2);
    for (let i = 0; i < n; i++, t += gap(ctx))
      ctx.post(group, i % 2 === 0 ? a : b, t, { text: rng.pick(SHORT_LINES) });
    return n;
  }
  if (r < 0.68) {
    const turns = rng.pick(QUESTION_ANSWERS);
    const c = group.community?.key ?? rng.pick(ctx.town.communities).key;
    turns.forEach((line, i) => {
      ctx.post(group, i % 2 === 0 ? a : b, t, { text: line.replace('{addr}', b.address).replace('{c}', c) });
      t += gap(ctx);
    });
    return turns.length;
  }
  if (r < 0.76 && group.hostId === null) {
    const c = group.community?.key ?? rng.pick(ctx.town.communities).key;
    const text = longLine(
      rng,
      { c, addr: b.address, name: rng.pick(ctx.town.cadres).name },
      ctx.used,
      ctx.town.index,
    );
    ctx.post(group, a, t, { text: text ?? rng.pick(SHORT_LINES) });
    return 1;
  }
  if (r < 0.84) {
    ctx.post(group, a, t, { text: rng.pick(SHORT_LINES) });
    ctx.post(group, b, t + gap(ctx), { type: 'emoticon' });
    return 2;
  }
  if (r < 0.89) {
    ctx.post(group, a, t, { type: 'image', file: imageFile(rng, t) });
    return 1;
  }
  if (r < 0.92) {
    ctx.post(group, a, t, { text: `@${b.name} ${rng.pick(SHORT_LINES)}`, mentionIds: [b.id] });
    return 1;
  }
  if (r < 0.96) {
    const wrong = ctx.post(group, a, t, { text: rng.pick(SHORT_LINES) });
    ctx.post(group, a, t + rng.int(15, 110) * 1000, { type: 'recalled', recalls: wrong });
    return 2;
  }
  const s = rng.next();
  const text =
    s < 0.6
      ? patText(a.name, b.name)
      : s < 0.85
        ? joinText(group.owner.name, a.name)
        : renameText(group.owner.name, group.name);
  ctx.post(group, s < 0.6 ? a : group.owner, t, { type: 'system', text });
  return 1;
}

/** Posts about `quota` chatter messages into `group` outside reserved spans. */
export function plantChatter(ctx: WeekContext, group: SimGroup, quota: number): void {
  const { rng, clock, timeline } = ctx;
  let posted = 0;
  for (let attempts = 0; posted < quota && attempts < quota * 4; attempts++) {
    const at = clock.sample(rng, 'chat');
    // A conversation needs at most ~20 minutes; keep it clear of planted spans.
    if (at + 20 * MINUTE > clock.end || !timeline.isFree(group.id, at - 2 * MINUTE, at + 20 * MINUTE))
      continue;
    posted += conversation(ctx, group, at);
  }
}
