/**
 * Acknowledgement floods: after an @所有人 notice or a leader's request, several members answer 收到,
 * 1, 👌, 已阅 … within minutes to an hour. Around them, things that must not count: a 拍一拍 line, a
 * real question, a recalled message. And the hard negative: a lone 好的 in an ordinary exchange.
 */
import { cnClock, cnDate, cnWeekday } from '../chinese-dates.js';
import { othersThan } from '../choose-targets.js';
import type { Cadre, SimGroup } from '../organisation.js';
import { createPrng, mixSeed } from '../prng.js';
import { ACKS, ackReply, FLOOD_INTERJECTIONS, LONE_EXCHANGES, patText } from '../reply-pools.js';
import { DAY, MINUTE } from '../sim-clock.js';
import type { SimMessage } from '../sim-message.js';
import type { WeekContext } from '../week-context.js';
import { deliverCopies, type FollowUp } from './deliver-copies.js';

/** Acks arrive within this time after the trigger (detectors look 120 minutes ahead by default). */
const MAX_SPREAD = 85 * MINUTE;
/** No other event comes this soon after a trigger, so nothing else falls into a detector's window. */
export const QUIET = 125 * MINUTE;

/** Offsets (ms after the trigger) of `n` replies: quick at first, then trickling in. */
export function replyOffsets(ctx: WeekContext, n: number, meanGap: number, maxSpread: number): number[] {
  const offsets: number[] = [];
  let t = ctx.rng.int(15, 240) * 1000;
  for (let i = 0; i < n; i++) {
    offsets.push(t);
    t += Math.max(5000, ctx.rng.exponential(meanGap));
  }
  const last = offsets[offsets.length - 1] ?? 0;
  return last <= maxSpread ? offsets : offsets.map((o) => Math.floor((o * maxSpread) / last));
}

/** A flood of acknowledgements answering the message `sender` is about to post in `group`. */
export function ackFloodFollowUp(ctx: WeekContext, group: SimGroup, sender: Cadre): FollowUp | null {
  const { rng } = ctx;
  const others = othersThan(ctx, group, [sender]);
  if (others.length < 5) return null;
  const n = Math.min(
    others.length - 1,
    rng.int(4, Math.max(5, Math.min(16, Math.round(group.members.length * 0.3)))),
  );
  const offsets = replyOffsets(ctx, n, 2.5 * MINUTE, MAX_SPREAD);
  const duration = (offsets[offsets.length - 1] ?? 0) + MINUTE;
  return {
    duration,
    quiet: QUIET,
    run(trigger) {
      const quoted = trigger.text === null ? null : { name: sender.name, text: trigger.text };
      // How each reply is phrased is drawn from a side stream, so the week's main sequence (and every
      // event planted after this one) stays as it was before the phrasings were added.
      const phrasing = createPrng(mixSeed(trigger.ms % 0x7fffffff, trigger.seq));
      const acks = offsets.map((o, i) => {
        const who = others[i] as Cadre;
        const bare = rng.pick(ACKS);
        return ctx.post(group, who, trigger.ms + o, { text: ackReply(phrasing, who, quoted, bare) });
      });
      const bystander = others[others.length - 1] as Cadre;
      const within = () => trigger.ms + rng.int(30, Math.floor(duration / 1000)) * 1000;
      if (rng.chance(0.3)) {
        const patted = rng.pick(group.members);
        ctx.post(group, bystander, within(), { type: 'system', text: patText(bystander.name, patted.name) });
      }
      if (rng.chance(0.25)) ctx.post(group, bystander, within(), { text: rng.pick(FLOOD_INTERJECTIONS) });
      if (rng.chance(0.15)) {
        const at = within();
        const wrong = ctx.post(group, bystander, at, {
          text: rng.pick(['我先发一下草稿', '这个表格不对', '麻烦看下这个版本']),
        });
        ctx.post(group, bystander, at + rng.int(10, 90) * 1000, { type: 'recalled', recalls: wrong });
      }
      ctx.truth.ackFlood(group.id, trigger, acks);
    },
  };
}

const REQUESTS = [
  '{date}起各村社区每天安排{n}名干部在岗值守，请各位书记抓好落实，收到请回复。',
  '{date}{clock}区里来督查人居环境整治，请各责任片区再自查一遍，收到请回复。',
  '{date}（{weekday}）{clock}起停电检修，请各单位提前做好准备，收到请回复。',
  '{date}{clock}有重要接待任务，请大家着装规范、坚守岗位，收到请回复。',
  '近期电诈案件多发，{date}起请各网格员入户时重点提醒{n}岁以上老人，收到请回复。',
];
const CLOCKS = [510, 540, 570, 600, 630, 840, 870, 900, 930, 960];

/** A leader's short request to everyone, answered by a flood of acknowledgements. */
export function plantLeaderRequest(ctx: WeekContext): void {
  const { rng, clock } = ctx;
  const groups = ctx.active.filter((g) => g.leaders.length > 0 && g.hostId === null);
  if (groups.length === 0) return;
  const group = rng.pick(groups);
  const leader = rng.pick(group.leaders);
  const at = clock.sample(rng, 'office');
  const day = at + rng.int(1, 4) * DAY;
  const template = rng.pick(REQUESTS);
  const body = template
    .replace('{date}', cnDate(day))
    .replace('{weekday}', cnWeekday(day))
    .replace('{clock}', cnClock(rng.pick(CLOCKS)))
    .replace('{n}', String(template.startsWith('近期') ? rng.int(60, 80) : rng.int(2, 3)));
  // The same request twice in one week would be a duplicate notice nobody planted.
  if (ctx.used.has(body)) return;
  ctx.used.add(body);
  const followUp = ackFloodFollowUp(ctx, group, leader);
  if (!followUp) return;
  deliverCopies(ctx, {
    targets: [group],
    first: at,
    latest: at + 6 * 60 * MINUTE,
    gapMean: 0,
    copy: () => ({ sender: leader, parts: [{ text: `@所有人 ${body}`, mentionAll: true }], followUp }),
  });
}

/**
 * An instruction answered by one 好的/收到: no flood. Planted after all floods so it can keep two
 * hours clear of them on both sides.
 */
export function plantLoneAck(ctx: WeekContext): SimMessage | null {
  const { rng, clock, timeline } = ctx;
  const group = rng.pick(ctx.active.filter((g) => g.hostId === null));
  const at = clock.sample(rng, 'chat');
  const clear = 130 * MINUTE;
  if (
    at - clear < clock.start ||
    at + clear > clock.end ||
    !timeline.isFree(group.id, at - clear, at + clear)
  ) {
    return null;
  }
  const [asker, answerer] = rng.sample(group.members, 2) as [Cadre, Cadre];
  const [question, answer] = rng.pick(LONE_EXCHANGES);
  timeline.reserve(group.id, at - 5 * MINUTE, at + 20 * MINUTE);
  ctx.post(group, asker, at, { text: question.replace('{addr}', answerer.address) });
  return ctx.post(group, answerer, at + rng.int(20, 600) * 1000, { text: answer });
}
