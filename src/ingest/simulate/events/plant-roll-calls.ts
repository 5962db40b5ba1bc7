/**
 * Roll-calls, one truth entry per chain: "#接龙" chains (header, description, a numbered list growing by
 * one line per post, everyone re-posting the whole list, an occasional edit), 群接龙/接龙管家 mini-program
 * cards, and number-off replies ("1", "2.张伟", "3 李娜") after a request to number off.
 */
import { cnDate, cnWeekday } from '../chinese-dates.js';
import { othersThan } from '../choose-targets.js';
import type { Cadre, SimGroup } from '../organisation.js';
import { DAY, HOUR, MINUTE } from '../sim-clock.js';
import type { SimMessage } from '../sim-message.js';
import type { MessageFields, WeekContext } from '../week-context.js';
import { deliverCopies } from './deliver-copies.js';
import { replyOffsets } from './plant-ack-floods.js';

const DESCRIPTIONS = [
  '{date}（{weekday}）下午消防安全培训参会人员',
  '{date}{c}志愿服务活动报名',
  '{date}党员冬训报名，请写姓名+支部',
  '{date}体检人员名单',
  '{date}区运动会拔河比赛报名',
  '{date}（{weekday}）午餐报餐',
];
const NUMBER_OFF = [
  '请大家报数，统计{date}参加培训的人数',
  '@所有人 {date}晚上参加志愿巡逻的同志请报数',
  '参加{date}体检的请报数',
  '请今天在岗的同志报个数',
];

type Kind = 'jielong' | 'miniprogram' | 'numberOff';

function describe(ctx: WeekContext, template: string, at: number): string | null {
  const day = at + ctx.rng.int(1, 3) * DAY;
  const text = template
    .replace('{date}', cnDate(day))
    .replace('{weekday}', cnWeekday(day))
    .replace('{c}', ctx.rng.pick(ctx.town.communities).key);
  if (ctx.used.has(`rollcall|${text}`)) return null;
  ctx.used.add(`rollcall|${text}`);
  return text;
}

function listLine(ctx: WeekContext, n: number, who: Cadre): string {
  const r = ctx.rng.next();
  const extra = r < 0.6 ? '' : r < 0.85 ? ` ${who.unitKey}` : ' 1人';
  return `${n}. ${who.name}${extra}`;
}

function numberOffReply(ctx: WeekContext, n: number, who: Cadre): string {
  const r = ctx.rng.next();
  if (r < 0.4) return String(n);
  if (r < 0.65) return `${n}.${who.name}`;
  if (r < 0.85) return `${n} ${who.name}`;
  return `${n}、${who.name}`;
}

/** One roll-call chain of the given kind in one group. */
export function plantRollCall(ctx: WeekContext, kind: Kind): void {
  const { rng, clock } = ctx;
  const group: SimGroup = rng.pick(ctx.active.filter((g) => g.members.length >= 8));
  const at = clock.sample(rng, 'office');
  const description = describe(ctx, rng.pick(kind === 'numberOff' ? NUMBER_OFF : DESCRIPTIONS), at);
  if (!description) return;
  const starter = rng.chance(0.6) ? group.owner : rng.pick(group.members);
  const people = othersThan(ctx, group, [starter]).slice(
    0,
    rng.int(3, Math.min(14, group.members.length - 2)),
  );
  const appName = rng.pick(['群接龙', '接龙管家']);
  const lines = [listLine(ctx, 1, starter)];
  const first: MessageFields =
    kind === 'jielong'
      ? { text: `#接龙\n${description}\n\n${lines[0]}` }
      : kind === 'miniprogram'
        ? { type: 'miniprogram', miniprogram: { title: description, appName } }
        : { text: description, mentionAll: description.startsWith('@所有人') };
  const participants = kind === 'miniprogram' ? people.slice(0, rng.int(2, 6)) : people;
  const offsets = replyOffsets(ctx, participants.length, 5 * MINUTE, 150 * MINUTE);

  deliverCopies(ctx, {
    targets: [group],
    first: at,
    latest: Math.min(clock.end, at + 8 * HOUR),
    gapMean: 0,
    copy: () => ({
      sender: starter,
      parts: [first],
      followUp: {
        duration: (offsets[offsets.length - 1] ?? 0) + 10 * MINUTE,
        run(opening) {
          const posts: SimMessage[] = [opening];
          participants.forEach((who, i) => {
            const ms = opening.ms + (offsets[i] as number);
            let fields: MessageFields;
            if (kind === 'jielong') {
              lines.push(listLine(ctx, lines.length + 1, who));
              fields = { text: `#接龙\n${description}\n\n${lines.join('\n')}` };
            } else if (kind === 'miniprogram') fields = first;
            else fields = { text: numberOffReply(ctx, i + 1, who) };
            posts.push(ctx.post(group, who, ms, fields));
          });
          // An edit: someone corrects their own line and re-posts the list.
          if (kind === 'jielong' && lines.length > 2 && rng.chance(0.3)) {
            const index = rng.int(1, lines.length - 1);
            const who = participants[index - 1] as Cadre;
            lines[index] = `${index + 1}. ${who.name}（已改）`;
            const ms = opening.ms + (offsets[offsets.length - 1] ?? 0) + rng.int(60, 500) * 1000;
            posts.push(ctx.post(group, who, ms, { text: `#接龙\n${description}\n\n${lines.join('\n')}` }));
          }
          ctx.truth.rollCall(group.id, posts);
        },
      },
    }),
  });
}
