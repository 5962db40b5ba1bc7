/**
 * End to end with real Wechaty on the mock puppet: a private message from a contact reaches the
 * recorder's onPrivateMessage hook, the conversation answers through the send queue (simulated
 * clock), the Wechaty sender delivers it, and the puppet captures what the bot sent.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type payloads, types } from 'wechaty';
import { configSchema } from '../../src/config/schema.js';
import { converseText } from '../../src/converse/converse-text.js';
import { type Conversation, createConversation } from '../../src/converse/create-conversation.js';
import { SendQueue } from '../../src/deliver/send-queue.js';
import { SimulatedClock } from '../../src/deliver/simulated-clock.js';
import { createWechatySender } from '../../src/deliver/wechaty-sender.js';
import { storeMemberPrivacy } from '../../src/privacy/store-member-privacy.js';
import { type RecordingBot, startRecordingBot } from '../ingest/wechaty/recording-bot.js';
import { craftOrg, NOTICES, post } from './fixtures/craft-org.js';

const NOW = Date.parse('2026-11-18T10:00:00+08:00');
const zh = converseText('zh-CN');
const others = ['u-1', 'u-2', 'u-3', 'u-4', 'u-5'];

let rb: RecordingBot;
let queue: SendQueue;
let conversation: Conversation;
let messageNo = 0;
const created = new Set<string>();

beforeEach(async () => {
  created.clear();
  const config = configSchema.parse({});
  rb = await startRecordingBot({
    onPrivateMessage: (msg) => conversation.handlePrivateMessage(msg.talker().id, msg.text(), msg.id),
  });
  const clock = new SimulatedClock(NOW);
  queue = new SendQueue({
    outbox: rb.store.outbox,
    sender: createWechatySender(rb.bot),
    clock,
    settings: config.deliver,
  });
  conversation = createConversation({
    store: rb.store,
    config,
    queue,
    clock,
    privacy: storeMemberPrivacy(rb.store, config),
  });
  craftOrg(rb.store, {
    at: Date.parse('2026-11-01T08:00:00+08:00'),
    contacts: { 'u-li': '李娜', 'u-1': '王军', 'u-2': '张伟', 'u-3': '刘洋', 'u-4': '赵敏', 'u-5': '陈晨' },
    groups: [
      { id: 'g-work@chatroom', name: '镇机关工作群', ownerId: 'u-1', members: ['u-li', ...others] },
      { id: 'g-relay@chatroom', name: '安全生产转发群', ownerId: 'u-2', members: ['u-li', ...others] },
      { id: 'g-grid@chatroom', name: '网格员群', ownerId: 'u-3', members: ['u-li', ...others] },
    ],
  });
  const t = Date.parse('2026-11-16T09:00:00+08:00');
  rb.store.messages.insertMany([
    post('g-work@chatroom', 'u-1', t, NOTICES[0] as string),
    post('g-relay@chatroom', 'u-2', t + 60_000, NOTICES[0] as string),
    post('g-grid@chatroom', 'u-3', t, NOTICES[1] as string),
  ]);
  const me = rb.mocker.createContact({ id: 'qingqun-bot', name: 'qingqun' });
  rb.mocker.createContact({ id: 'u-li', name: '李娜' });
  rb.mocker.createContact({ id: 'u-stranger', name: '路人' });
  rb.bot.on('error', () => {});
  await new Promise<void>((resolve) => {
    rb.bot.once('login', () => resolve());
    rb.mocker.login(me);
  });
});

afterEach(async () => {
  await rb.stop();
});

/** A private message from `talkerId` to the bot, emitted as the puppet would; resolves once handled. */
async function say(talkerId: string, text: string, id = `p-${++messageNo}`): Promise<void> {
  rb.tally.expect([id]);
  // A replay (same id) is emitted again without a new payload, as puppets do after a reconnect.
  if (!created.has(id))
    rb.mocker.MessageMock.create({
      id,
      talkerId,
      listenerId: 'qingqun-bot',
      type: types.Message.Text,
      text,
      timestamp: NOW,
    } as payloads.Message);
  created.add(id);
  rb.puppet.emit('message', { messageId: id });
  const settled = await rb.tally.settle();
  expect(settled.outcomes.skipped).toBe(1);
}

const sentTexts = (to: string) =>
  rb.sent.filter((s) => s.conversationId === to && s.kind === 'text').map((s) => s.text as string);

describe('private commands through Wechaty and the mock puppet', () => {
  it('answers 我的群 with the contact’s own groups, sent by the bot', async () => {
    await say('u-li', '我的群');
    expect(await queue.drain()).toMatchObject({ sent: 1, failed: 0, undeliverable: 0 });
    const [reply] = sentTexts('u-li');
    expect(reply).toContain('【我的群】您在 3 个工作群');
    for (const name of ['镇机关工作群', '安全生产转发群', '网格员群']) expect(reply).toContain(name);
    expect(reply).toContain('通知 1 条，其中 1 条（100%）也在您的其他群收到');
    // The asker's own count against recommend.policies.maxGroupsPerMember (5), and nobody else's.
    expect(reply).toContain('您在 3 个工作群，未超过每人 5 个的上限。');
  });

  it('refuses a stranger’s 周报 politely, with nothing else', async () => {
    await say('u-stranger', '周报 u-1');
    await queue.drain();
    expect(rb.sent.map((s) => [s.conversationId, s.kind])).toEqual([['u-stranger', 'text']]);
    expect(sentTexts('u-stranger')).toEqual([zh.refusedRole('周报', zh.role.owner)]);
  });

  it('runs the scripted conversation 我的群 → 静音建议 → 订阅, and answers a replayed message once', async () => {
    await say('u-li', '我的群', 'p-groups');
    await say('u-li', '静音建议');
    await say('u-li', '订阅');
    await say('u-li', '我的群', 'p-groups'); // the puppet replays a message after a reconnect
    await queue.drain();
    const replies = sentTexts('u-li');
    expect(replies).toHaveLength(3);
    expect(replies[1]).toContain('【静音建议】');
    // The relay group's only notice also reached 李娜 in the work group: safe to mute; not the grid group.
    expect(replies[1]).toContain('安全生产转发群');
    expect(replies[1]).not.toMatch(/\d\. 网格员群/);
    expect(replies[2]).toContain('已按静音建议记下');
    expect(replies[2]).toContain('已订阅每日摘要');
    const prefs = rb.store.preferences;
    expect(prefs.subscription('u-li')).toBeDefined();
    expect(prefs.mutedGroups('u-li')).not.toContain('g-grid@chatroom');
    expect(prefs.mutedGroups('u-li').length).toBeGreaterThan(0);
  });

  it('opts the asker out through the privacy layer and shows it in 我的数据', async () => {
    await say('u-li', '退出记录');
    await say('u-li', '我的数据');
    await queue.drain();
    const [optedOut, mydata] = sentTexts('u-li');
    expect(optedOut).toBe(zh.optedOut);
    expect(mydata).toContain(zh.mydataContact('李娜', null));
    expect(mydata).toMatch(/记录方式：11月18日 起已退出记录/);
    expect(mydata).toContain(zh.mydataGroups(3));
  });
});
