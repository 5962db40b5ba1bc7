import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Config, configSchema } from '../../../src/config/schema.js';
import type { ChannelBlockedError } from '../../../src/deliver/channel.js';
import { describeUndeliverable } from '../../../src/deliver/channel-report.js';
import { routeMessage } from '../../../src/deliver/channel-router.js';
import { createChannels } from '../../../src/deliver/create-channels.js';
import { SendQueue, type UndeliverableReport } from '../../../src/deliver/send-queue.js';
import { SimulatedClock } from '../../../src/deliver/simulated-clock.js';
import type { WeekChartSpec } from '../../../src/model/week-chart.js';
import type { OutboxItem } from '../../../src/store/outbox.js';
import { Store } from '../../../src/store/store.js';
import { tempStorePath } from '../../fixtures/temp-store.js';
import { T0 } from '../queue-fixture.js';
import { AGENT_ID, CORP_ID, ROBOT_KEY, SECRET, startWecom } from './wecom-fixture.js';

/**
 * Contract tests of the WeCom application and group-robot channels against a local server with
 * the official request/response shapes: token caching and refresh on 42001, the chart uploaded as
 * an image, 45009 backed off, 60020 reported once and not retried, 81013 undeliverable, the
 * robot's 20-a-minute limit and 4096-byte markdown.
 */
/** A week chart as the outbox keeps it; every chart drawn in these tests is recorded here. */
const SPEC: WeekChartSpec = {
  input: { week: '2026-W47', days: ['2026-11-16'], messages: [3], offHoursShare: [0], duplicates: [1] },
  locale: 'zh-CN',
};
let drawn: WeekChartSpec[] = [];
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
    '1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
  'hex',
);

let wecom: Awaited<ReturnType<typeof startWecom>>;
let store: Store;
let clock: SimulatedClock;

function setup(overrides: Record<string, unknown> = {}) {
  const config: Config = configSchema.parse({
    deliver: {
      channels: { owners: ['wecom', 'wechat'], supervisors: ['wecomRobot'] },
      wecom: { corpId: CORP_ID, agentId: AGENT_ID, secret: SECRET, apiBase: wecom.base },
      wecomRobot: { key: ROBOT_KEY, apiBase: wecom.base },
      ...overrides,
    },
  });
  const channels = createChannels(store, config);
  const outbox = store.outbox;
  const undeliverable: UndeliverableReport[] = [];
  const blocked: ChannelBlockedError[] = [];
  const queue = new SendQueue({
    outbox,
    sender: {
      sendText: async () => {
        throw new Error('no WeChat in this test');
      },
      sendImage: async () => {
        throw new Error('no WeChat in this test');
      },
    },
    channels: channels.senders,
    // The outbox keeps the chart as what to draw; the queue draws it (here: the fixed PNG) on sending.
    drawChart: (spec) => {
      drawn.push(spec);
      return PNG;
    },
    addressOf: channels.addressOf,
    clock,
    settings: config.deliver,
    random: () => 0,
    onUndeliverable: (r) => undeliverable.push(r),
    onChannelBlocked: (e) => blocked.push(e),
  });
  const enqueue = (items: OutboxItem[]) => queue.enqueue(items);
  return { config, outbox, queue, enqueue, undeliverable, blocked };
}

function digest(config: Config, recipientId: string, week = '2026-W47') {
  const route = routeMessage(store, config, {
    audience: 'owners',
    recipientId,
    key: `digest:${week}:${recipientId}`,
    subject: `清群周报 ${week}`,
    parts: [
      '(1/2) 李娜您好：以下是您担任群主的 2 个工作群上周的情况。',
      '(2/2) ■ 建议\n1. 合并“东湖社区工作群”和“东湖社区网格群”',
    ],
    chart: { spec: SPEC, name: `qingqun-${week}.png` },
  });
  if (route.channel === null) throw new Error('no route');
  return route;
}

beforeEach(async () => {
  drawn = [];
  clock = new SimulatedClock(T0);
  wecom = await startWecom({ visible: ['LiNa', 'ZhangWei'], now: () => clock.now() });
  store = new Store(tempStorePath());
  for (const [id, name, userId] of [
    ['u-lina', '李娜', 'LiNa'],
    ['u-zhang', '张伟', 'ZhangWei'],
    ['u-out', '王芳', 'WangFang'],
  ] as const) {
    store.contacts.upsert({ id, name, unit: '东湖社区' });
    store.contacts.setAddresses(id, { wecomUserId: userId });
  }
  store.contacts.upsert({ id: 'u-none', name: '赵敏', unit: null });
});

afterEach(async () => {
  store.close();
  await wecom.close();
});

describe('WeCom application messages', () => {
  it('sends a digest as markdown to the WeCom user id and the chart as an uploaded image, with one token', async () => {
    const { config, enqueue, queue } = setup();
    const route = digest(config, 'u-lina');
    expect(route.channel).toBe('wecom');
    enqueue(route.items);
    enqueue(digest(config, 'u-zhang').items);
    const result = await queue.drain();
    expect(result).toMatchObject({ sent: 4, failed: 0, undeliverable: 0, remaining: 0 });
    expect(wecom.tokensIssued()).toBe(1);
    const sends = wecom.calls.filter((c) => c.path === '/cgi-bin/message/send');
    expect(sends.map((c) => (c.body as { touser: string; msgtype: string }).touser)).toEqual([
      'LiNa',
      'LiNa',
      'ZhangWei',
      'ZhangWei',
    ]);
    const first = sends[0]?.body as { msgtype: string; agentid: number; markdown: { content: string } };
    expect(first.msgtype).toBe('markdown');
    expect(first.agentid).toBe(AGENT_ID);
    expect(first.markdown.content).toContain('**清群周报 2026-W47**');
    expect(first.markdown.content).toContain('李娜您好');
    expect(first.markdown.content).not.toContain('(1/2)');
    const upload = wecom.calls.find((c) => c.path === '/cgi-bin/media/upload');
    expect(upload?.query.type).toBe('image');
    expect(upload?.file?.name).toBe('qingqun-2026-W47.png');
    expect(upload?.file?.bytes.equals(PNG)).toBe(true);
    // Drawn from the spec the outbox kept, once per chart sent.
    expect(drawn.length).toBeGreaterThan(0);
    for (const spec of drawn) expect(spec).toEqual(SPEC);
    expect(sends[1]?.body).toMatchObject({ msgtype: 'image', image: { media_id: 'media-1' } });
  });

  it('fetches a new token when the cached one has expired (42001) and retries the call once', async () => {
    const { config, enqueue, queue } = setup();
    enqueue(digest(config, 'u-lina').items);
    await queue.drain();
    expect(wecom.tokensIssued()).toBe(1);
    wecom.expireToken();
    enqueue(digest(config, 'u-zhang').items);
    const result = await queue.drain();
    expect(result).toMatchObject({ sent: 2, retried: 0, failed: 0 });
    expect(wecom.tokensIssued()).toBe(2);
  });

  it('backs off on 45009 without counting an attempt, then sends', async () => {
    const { config, enqueue, queue, outbox } = setup();
    enqueue(digest(config, 'u-lina').items);
    wecom.script.send.push(45009);
    const first = await queue.drain();
    expect(first).toMatchObject({ sent: 0, retried: 1, remaining: 2 });
    const row = outbox.get('digest:2026-W47:u-lina:wecom:part:1');
    expect(row?.attempts).toBe(0);
    expect(row?.nextAttemptAt).toBeGreaterThanOrEqual(T0 + 60_000);
    const second = await queue.drain({ waitForRetries: true });
    expect(second).toMatchObject({ sent: 2, remaining: 0 });
  });

  it('reports 60020 (IP not trusted) once, clearly, sends nothing more and keeps the messages queued', async () => {
    const { config, enqueue, queue, blocked, outbox } = setup();
    enqueue(digest(config, 'u-lina').items);
    enqueue(digest(config, 'u-zhang').items);
    wecom.script.send.push(60020, 60020, 60020);
    // The chart's upload comes after the text; the text is refused first.
    const result = await queue.drain();
    expect(blocked).toHaveLength(1);
    expect(blocked[0]?.code).toBe('60020');
    expect(blocked[0]?.message).toMatch(/trusted IPs/);
    expect(result).toMatchObject({ sent: 0, failed: 0, remaining: 4 });
    expect(result.skippedChannels).toContain('wecom');
    expect(wecom.calls.filter((c) => c.path === '/cgi-bin/message/send')).toHaveLength(1);
    await queue.drain();
    expect(blocked).toHaveLength(1);
    expect(outbox.get('digest:2026-W47:u-lina:wecom:part:1')?.attempts).toBe(0);
  });

  it('marks a recipient outside the visible range (81013) undeliverable and goes on with the others', async () => {
    const { config, enqueue, queue, undeliverable } = setup();
    enqueue(digest(config, 'u-out').items);
    enqueue(digest(config, 'u-lina').items);
    const result = await queue.drain();
    expect(result).toMatchObject({ sent: 2, undeliverable: 2 });
    expect(undeliverable).toHaveLength(1);
    expect(undeliverable[0]).toMatchObject({ recipientId: 'u-out', channel: 'wecom', reason: 'rejected' });
    expect(describeUndeliverable(undeliverable[0] as UndeliverableReport, 'zh-CN')).toBe(
      '企业微信应用无法送达：u-out，不在应用的可见范围内（81013），请在企业微信管理后台把其加入可见范围；放弃 2 条消息',
    );
  });

  it('falls back to the next channel for a contact without a WeCom user id, and reports one no channel reaches', () => {
    const { config } = setup();
    expect(digest(config, 'u-none').channel).toBe('wechat');
    const only = configSchema.parse({
      deliver: {
        channels: { owners: ['wecom', 'email'] },
        wecom: { corpId: CORP_ID, agentId: AGENT_ID, secret: SECRET, apiBase: wecom.base },
      },
    });
    const route = routeMessage(store, only, {
      audience: 'owners',
      recipientId: 'u-none',
      key: 'digest:2026-W47:u-none',
      subject: 's',
      parts: ['x'],
    });
    expect(route).toEqual({ channel: null, tried: ['wecom', 'email'] });
  });

  it('sends a digest once even when the channel configuration changes after it was queued', () => {
    const { config, enqueue } = setup();
    expect(enqueue(digest(config, 'u-lina').items)).toEqual(['queued', 'queued']);
    const wechatOnly = configSchema.parse({});
    const again = digest(wechatOnly, 'u-lina');
    expect(again).toMatchObject({ channel: 'wechat', items: [], already: true });
  });
});

describe('WeCom group robot', () => {
  it('posts the audit as markdown within 4096 bytes and never more than 20 messages a minute', async () => {
    const { config, enqueue, queue } = setup();
    const long = Array.from(
      { length: 40 },
      (_, i) => `${i + 1}. 东湖社区工作群：本周重复通知 12 条，接龙 3 次，“收到”刷屏 5 次。`,
    ).join('\n');
    for (let week = 40; week < 52; week++) {
      const route = routeMessage(store, config, {
        audience: 'supervisors',
        recipientId: 'sup-1',
        key: `audit:2026-W${week}:sup-1`,
        subject: `清群督查周报 2026-W${week}`,
        parts: [long],
      });
      if (route.channel !== 'wecomRobot') throw new Error('expected the robot');
      for (const item of route.items) {
        const text = item.content.kind === 'text' ? item.content.text : '';
        expect(Buffer.byteLength(text)).toBeLessThanOrEqual(4096);
      }
      enqueue(route.items);
    }
    const result = await queue.drain();
    const posts = wecom.calls.filter((c) => c.path === '/cgi-bin/webhook/send');
    expect(result).toMatchObject({ failed: 0, retried: 0, remaining: 0 });
    expect(posts.length).toBe(result.sent);
    expect(posts.length).toBeGreaterThan(20);
    const body = posts[0]?.body as { msgtype: string; markdown: { content: string } };
    expect(body.msgtype).toBe('markdown');
    expect(body.markdown.content).toContain('东湖社区工作群');
  });

  it('reports a wrong key (93000) once as a configuration error', async () => {
    const { config, enqueue, queue, blocked } = setup({
      wecomRobot: { key: 'wrong-key', apiBase: wecom.base },
    });
    const route = routeMessage(store, config, {
      audience: 'supervisors',
      recipientId: 'sup-1',
      key: 'audit:2026-W47:sup-1',
      subject: 'audit',
      parts: ['督查周报'],
    });
    if (route.channel === null) throw new Error('no route');
    enqueue(route.items);
    await queue.drain();
    expect(blocked.map((b) => b.code)).toEqual(['93000']);
    expect(blocked[0]?.message).toContain('QINGQUN_WECOM_ROBOT_KEY');
  });
});
