/**
 * Photo-proof demands ("请各位今天下午5点前把入户走访照片发群里", "打卡截图发群里留痕") and the image
 * floods answering them. A demand with a same-day deadline is also rushed; a long demand may be
 * forwarded into several groups (then its copies are one duplicate cluster, each with its own flood).
 */

import { cnDate } from '../chinese-dates.js';
import { chooseTargets, forwarder, othersThan, singleCandidates } from '../choose-targets.js';
import { relaxedDeadline, rushedDeadline } from '../deadlines.js';
import { imageFile } from '../media.js';
import type { Cadre, SimGroup } from '../organisation.js';
import { FLOOD_INTERJECTIONS } from '../reply-pools.js';
import { HOUR, MINUTE, startOfLocalDay } from '../sim-clock.js';
import type { SimMessage } from '../sim-message.js';
import type { WeekContext } from '../week-context.js';
import { deliverCopies, type FollowUp } from './deliver-copies.js';
import { replyOffsets } from './plant-ack-floods.js';

const RUSHED = [
  '请各位{due}把{date}入户走访的照片发群里，每户不少于{n}张',
  '请各网格员{due}把{date}的巡查照片发到群里，区里要汇总，每人至少{n}张',
  '{due}请把{c}{date}环境整治前后对比照片发群里，每个点位{n}张',
];
const RELAXED_LONG = ['请各位于{due}把{c}第{k}轮入户走访照片发群里，每户不少于{n}张，留痕备查'];
const RELAXED_SHORT = [
  '打卡截图发群里留痕',
  '请大家把学习强国积分截图发群里',
  '活动结束后请把现场照片发到群里，宣传要用',
  '请今天值班的同志把到岗打卡截图发群里',
];

interface Demand {
  text: string;
  rushed: boolean;
  /** Images must arrive before this (UTC ms), for rushed demands. */
  dueBy: number | null;
}

function composeDemand(ctx: WeekContext, at: number, rushed: boolean): Demand | null {
  const { rng } = ctx;
  if (!rushed && rng.chance(0.6)) return { text: rng.pick(RELAXED_SHORT), rushed: false, dueBy: null };
  const due = rushed ? rushedDeadline(rng, at) : null;
  const template = rng.pick(rushed ? RUSHED : RELAXED_LONG);
  const text = template
    .replace('{due}', due?.phrase ?? relaxedDeadline(rng, at))
    .replace('{c}', rng.pick(ctx.town.communities).key)
    .replace('{date}', cnDate(at))
    .replace('{k}', String(rng.int(2, 9)))
    .replace('{n}', String(rng.int(2, 6)));
  // Two demands alike in every number would be one demand posted twice: keep them apart.
  const key = `photo|${template}|${text.match(/\d+/g)?.join(',')}`;
  if (ctx.used.has(key)) return null;
  ctx.used.add(key);
  return { text, rushed, dueBy: due ? startOfLocalDay(at) + due.byMinute * MINUTE : null };
}

function imageFlood(
  ctx: WeekContext,
  group: SimGroup,
  sender: Cadre,
  maxSpread: number,
  labelled: Set<SimMessage>,
): FollowUp | null {
  const { rng } = ctx;
  const others = othersThan(ctx, group, [sender]);
  const people = Math.min(others.length - 1, rng.int(4, 14));
  if (people < 4 || maxSpread < 30 * MINUTE) return null;
  // Some send two or three photos in a row.
  const senders: Cadre[] = [];
  for (const who of others.slice(0, people)) {
    const n = rng.chance(0.25) ? rng.int(2, 3) : 1;
    for (let k = 0; k < n; k++) senders.push(who);
  }
  const offsets = replyOffsets(ctx, senders.length, 9 * MINUTE, maxSpread);
  return {
    duration: (offsets[offsets.length - 1] ?? 0) + MINUTE,
    // Detectors count images up to 240 minutes after a demand.
    quiet: 245 * MINUTE,
    run(demand) {
      const images = senders.map((who, i) => {
        const ms = demand.ms + (offsets[i] as number);
        return ctx.post(group, who, ms, { type: 'image', file: imageFile(rng, ms) });
      });
      if (rng.chance(0.3)) {
        const bystander = others[others.length - 1] as Cadre;
        const ms = demand.ms + rng.int(60, Math.floor(maxSpread / 2000)) * 1000;
        ctx.post(group, bystander, ms, { text: rng.pick(FLOOD_INTERJECTIONS) });
      }
      ctx.truth.photoProof(group.id, demand, images);
      labelled.add(demand);
    },
  };
}

export function plantPhotoDemand(ctx: WeekContext, rushed: boolean): void {
  const { rng, clock } = ctx;
  const at = rushed ? clock.sampleWorkday(rng, 510, 13 * 60) : clock.sample(rng, 'office');
  const demand = composeDemand(ctx, at, rushed);
  if (!demand || (demand.dueBy !== null && demand.dueBy - at < 150 * MINUTE)) return;
  const forwarded = demand.text.length >= 25 && rng.chance(0.5);
  const targets = forwarded
    ? chooseTargets(ctx, rng.pick(['community', 'civility'] as const), rng.int(2, 3))
    : [rng.pick(singleCandidates(ctx, 'community'))];
  // Rushed: every copy goes out early enough for its photos to arrive before the deadline.
  const latest =
    demand.dueBy !== null ? Math.min(demand.dueBy - 90 * MINUTE, at + 45 * MINUTE) : at + 6 * HOUR;
  const spread =
    demand.dueBy !== null ? Math.min(200 * MINUTE, demand.dueBy - latest - 10 * MINUTE) : 200 * MINUTE;
  // A demand is labelled even when no photos answer it (docs/ground-truth.md).
  const labelled = new Set<SimMessage>();
  const deliveries = deliverCopies(ctx, {
    targets,
    first: at,
    latest,
    strict: demand.dueBy !== null,
    repliesOptional: true,
    gapMean: 15 * MINUTE,
    copy(group, index, previous) {
      const sender = forwarder(ctx, group, previous);
      const atAll = rng.chance(0.4);
      // Images stop before the deadline; without one they trickle in over up to 200 minutes.
      const text = index > 0 && rng.chance(0.4) ? `【转发】${demand.text}` : demand.text;
      return {
        sender,
        parts: [{ text: atAll ? `@所有人 ${text}` : text, mentionAll: atAll }],
        followUp: imageFlood(ctx, group, sender, spread, labelled),
      };
    },
  });
  const copies = deliveries.flatMap((d) => d.messages);
  for (const m of copies) if (!labelled.has(m)) ctx.truth.photoProof(m.groupId, m, []);
  if (forwarded) ctx.truth.duplicate(copies);
  if (demand.rushed) for (const m of copies) ctx.truth.rushed(m);
}
