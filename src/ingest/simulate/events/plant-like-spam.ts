/**
 * Like-spam: a leader (or a community secretary) shows their work — an article about it, a photo, a
 * report — and members pile on with [强], 👍👍, 领导辛苦了[玫瑰]. Substantive replies in the same
 * window are not spam; a showcase that only gets substantive replies is a hard negative.
 */
import { othersThan } from '../choose-targets.js';
import { imageFile, newArticle, sharedUrl } from '../media.js';
import type { Cadre, SimGroup } from '../organisation.js';
import { PRAISE, SUBSTANTIVE_TO_SHOWCASE } from '../reply-pools.js';
import { HOUR, MINUTE } from '../sim-clock.js';
import type { SimMessage } from '../sim-message.js';
import type { MessageFields, WeekContext } from '../week-context.js';
import { deliverCopies } from './deliver-copies.js';
import { QUIET, replyOffsets } from './plant-ack-floods.js';

const REPORTS = [
  '今天上午带队到{c}走访慰问困难群众{n}户，送去米面油等慰问品，叮嘱大家注意防寒保暖。',
  '今天对{c}老旧小区开展消防安全检查，共排查隐患{n}处，已现场整改{m}处，其余限期整改到位。',
  '周末带队到{c}检查创文点位，发现问题{n}个，已交办相关责任单位，下周回头看。',
  '今天陪同区领导调研{c}乡村振兴项目，项目已完成投资{n}0万元，进展顺利。',
  '今天在{c}召开群众议事会，收集意见建议{n}条，现场答复{m}条。',
];
const ARTICLES = [
  '【{town}动态】{title}{name}带队开展岁末年初安全生产大检查',
  '{name}到{c}调研基层治理工作',
  '【{town}动态】{c}“{n}分钟便民服务圈”建成投用',
  '{town}召开第{n}次党委理论学习中心组学习会',
];

function showcase(ctx: WeekContext, group: SimGroup, poster: Cadre, at: number): MessageFields | null {
  const { rng } = ctx;
  const fill = (s: string) =>
    s
      .replace('{c}', group.community?.key ?? rng.pick(ctx.town.communities).key)
      .replace('{town}', ctx.town.name)
      .replace('{title}', poster.unitKey === '领导班子' ? '' : poster.unitKey)
      .replace('{name}', poster.name)
      .replace('{n}', String(rng.int(3, 48)))
      .replace('{m}', String(rng.int(1, 9)));
  const r = rng.next();
  if (r < 0.3) return { type: 'image', file: imageFile(rng, at) };
  const kind = r < 0.65 ? 'link' : 'text';
  const template = rng.pick(kind === 'link' ? ARTICLES : REPORTS);
  const text = fill(template);
  // Two reports of one template never share their numbers (they would read as one report).
  const key = `showcase|${template}|${text.match(/\d+/g)?.join(',')}`;
  if (ctx.used.has(key)) return null;
  ctx.used.add(key);
  if (kind === 'text') return { text };
  return { type: 'link', link: { title: text, url: sharedUrl(rng, newArticle(rng)), description: null } };
}

/** A showcase post in one group and its replies. */
export function plantShowcase(ctx: WeekContext): void {
  const { rng, clock } = ctx;
  const withLeaders = ctx.active.filter((g) => g.leaders.length > 0 && g.hostId === null);
  const communityGroups = ctx.active.filter((g) => g.community && g.hostId === null && g.community.head);
  const byLeader = withLeaders.length > 0 && (communityGroups.length === 0 || rng.chance(0.85));
  const group = rng.pick(byLeader ? withLeaders : communityGroups);
  const poster = byLeader ? rng.pick(group.leaders) : (group.community?.head ?? group.owner);
  if (!group.memberIds.has(poster.id)) return;
  const at = clock.sample(rng, 'chat');
  const fields = showcase(ctx, group, poster, at);
  if (!fields) return;

  const others = othersThan(ctx, group, [poster]);
  const spam = rng.chance(0.85);
  const praiseCount = spam ? Math.min(others.length - 2, rng.int(4, 12)) : 0;
  const substantive = spam ? rng.int(0, 2) : rng.int(1, 2);
  if (spam && praiseCount < 4) return;
  const order = rng.shuffled([
    ...Array(praiseCount).fill(true),
    ...Array(substantive).fill(false),
  ] as boolean[]);
  const offsets = replyOffsets(ctx, order.length, 4 * MINUTE, 90 * MINUTE);
  deliverCopies(ctx, {
    targets: [group],
    first: at,
    latest: Math.min(clock.end, at + 4 * HOUR),
    gapMean: 0,
    copy: () => ({
      sender: poster,
      parts: [fields],
      followUp: {
        duration: (offsets[offsets.length - 1] ?? 0) + MINUTE,
        quiet: QUIET,
        run(trigger) {
          const praise: SimMessage[] = [];
          order.forEach((isPraise, i) => {
            const who = others[i] as Cadre;
            const ms = trigger.ms + (offsets[i] as number);
            const pool = isPraise ? PRAISE : SUBSTANTIVE_TO_SHOWCASE;
            const text = rng
              .pick(pool)
              .replace('{addr}', poster.address)
              .replace('{c}', group.community?.key ?? rng.pick(ctx.town.communities).key);
            const message = ctx.post(group, who, ms, { text });
            if (isPraise) praise.push(message);
          });
          if (praise.length > 0) ctx.truth.likeSpam(group.id, trigger, praise);
        },
      },
    }),
  });
}
