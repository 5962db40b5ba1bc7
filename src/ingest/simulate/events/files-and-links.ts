/**
 * Files and link cards forwarded into several groups. A forwarded file keeps its name, size and sha256;
 * a forwarded article keeps its URL up to tracking parameters. The hard negative: a corrected file
 * re-sent under the same name with a different hash and size is a different item.
 */
import { cnDate } from '../chinese-dates.js';
import { chooseTargets, forwarder } from '../choose-targets.js';
import { correctedFile, documentFile, type FileContent, newArticle, sharedUrl } from '../media.js';
import * as V from '../notice-vocabulary.js';
import { HOUR, MINUTE } from '../sim-clock.js';
import type { SimMessage } from '../sim-message.js';
import type { WeekContext } from '../week-context.js';
import { deliverCopies } from './deliver-copies.js';

const TOPICS = Object.keys(V.ISSUER) as V.NoticeTopic[];

function fileTitle(ctx: WeekContext, topic: V.NoticeTopic): string | null {
  const { rng } = ctx;
  for (let tries = 0; tries < 5; tries++) {
    const item = rng.pick(V.REPORT_ITEMS[topic]);
    const title = rng.pick([
      `附件${rng.int(1, 4)}：${item}`,
      `${ctx.town.name}${item}（${rng.int(9, 12)}月）`,
      `关于报送${item}的通知`,
      `${item}填报模板（第${rng.int(2, 40)}期）`,
    ]);
    if (!ctx.used.has(`file|${title}`)) {
      ctx.used.add(`file|${title}`);
      return title;
    }
  }
  return null;
}

function forwardFile(
  ctx: WeekContext,
  topic: V.NoticeTopic,
  content: FileContent,
  at: number,
  count: number,
): SimMessage[] {
  const targets = chooseTargets(ctx, topic, count);
  const deliveries = deliverCopies(ctx, {
    targets,
    first: at,
    latest: Math.min(ctx.clock.end, at + 10 * HOUR),
    gapMean: 40 * MINUTE,
    copy: (group, _i, previous) => ({
      sender: forwarder(ctx, group, previous),
      parts: [{ type: 'file', file: content }],
      followUp: null,
    }),
  });
  const copies = deliveries.flatMap((d) => d.messages);
  ctx.truth.duplicate(copies);
  return copies;
}

/** A document forwarded into 2–4 groups; with `corrected`, later re-sent with other content. */
export function plantFile(ctx: WeekContext, corrected: boolean): void {
  const { rng, clock } = ctx;
  const topic = rng.pick(TOPICS);
  const title = fileTitle(ctx, topic);
  if (!title) return;
  const content = documentFile(rng, title);
  // A file that gets corrected goes out on a working day, leaving time for the correction.
  const at = corrected ? clock.sampleWorkday(rng, 540, 15 * 60) : clock.sample(rng, 'office');
  const copies = forwardFile(ctx, topic, content, at, rng.int(2, 4));
  if (!corrected || copies.length === 0) return;
  // "附件有误，以此为准": same name, new content; forwarded again as its own item.
  const last = copies[copies.length - 1] as SimMessage;
  forwardFile(ctx, topic, correctedFile(rng, content), last.ms + rng.int(1, 6) * HOUR, rng.int(1, 3));
}

const ARTICLE_TITLES = [
  '{town}召开{meeting}',
  '{town}：{n}个民生实事项目全部开工建设',
  '一图读懂《{doc}》',
  '{upper}发布冬季安全提示：这{n}类隐患要警惕',
  '{town}{c}：{n}名志愿者开展“{activity}”活动',
  '{date}起，这些新规将影响你我生活',
];

/** An article link card forwarded into 2–4 groups, each share with its own tracking parameters. */
export function plantLink(ctx: WeekContext): void {
  const { rng, clock } = ctx;
  let title = '';
  for (let tries = 0; tries < 5 && (title === '' || ctx.used.has(`link|${title}`)); tries++) {
    const at = clock.start + rng.int(0, 13) * 24 * HOUR;
    title = rng
      .pick(ARTICLE_TITLES)
      .replace('{town}', ctx.town.name)
      .replace('{meeting}', rng.pick(V.MEETINGS[rng.pick(TOPICS)]))
      .replace('{doc}', rng.pick(V.POLICY_DOCS).replace('{town}', ctx.town.name))
      .replace('{upper}', rng.pick(V.UPPER_BODIES))
      .replace('{c}', rng.pick(ctx.town.communities).key)
      .replace('{activity}', (rng.pick(V.ACTIVITIES) as string[])[0] as string)
      .replace('{date}', cnDate(at))
      .replace('{n}', String(rng.int(3, 40)));
  }
  if (ctx.used.has(`link|${title}`)) return;
  ctx.used.add(`link|${title}`);
  const article = newArticle(rng);
  const description = rng.pick(['点击查看详情', '转发周知', null, '来源：区融媒体中心']);
  const at = clock.sample(rng, 'chat');
  const deliveries = deliverCopies(ctx, {
    targets: chooseTargets(
      ctx,
      rng.pick(['publicity', 'general', 'party', 'safety'] as const),
      rng.int(2, 4),
    ),
    first: at,
    latest: Math.min(clock.end, at + 12 * HOUR),
    gapMean: 60 * MINUTE,
    copy: (group, _i, previous) => ({
      sender: forwarder(ctx, group, previous),
      parts: [{ type: 'link', link: { title, url: sharedUrl(rng, article), description } }],
      followUp: null,
    }),
  });
  ctx.truth.duplicate(deliveries.flatMap((d) => d.messages));
}
