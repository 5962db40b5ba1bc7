import { Hono } from 'hono';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { configSchema } from '../../src/config/schema.js';
import { createConversation } from '../../src/converse/create-conversation.js';
import {
  verifyCallbackUrl,
  WecomCallbackError,
  wecomEncrypt,
  wecomSignature,
} from '../../src/converse/wecom-callback.js';
import { mountWecomCallback, WECOM_CALLBACK_PATH } from '../../src/converse/wecom-callback-routes.js';
import { createChannels } from '../../src/deliver/create-channels.js';
import { SendQueue } from '../../src/deliver/send-queue.js';
import { SimulatedClock } from '../../src/deliver/simulated-clock.js';
import { silentLogger } from '../../src/logging/logger.js';
import { Store } from '../../src/store/store.js';
import { AGENT_ID, CORP_ID, SECRET, startWecom } from '../deliver/channels/wecom-fixture.js';
import { T0 } from '../deliver/queue-fixture.js';
import { tempStorePath } from '../fixtures/temp-store.js';

describe('WeCom callback cryptography', () => {
  it('verifies the URL with the official example (token QDG6eK, CorpID wx5823bf96d3bd56c7)', () => {
    const crypto = {
      token: 'QDG6eK',
      encodingAesKey: 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C',
      corpId: 'wx5823bf96d3bd56c7',
    };
    const query = {
      msg_signature: '5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3',
      timestamp: '1409659589',
      nonce: '263014780',
      echostr: 'P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==',
    };
    expect(verifyCallbackUrl(crypto, query)).toBe('1616140317555161061');
    expect(() => verifyCallbackUrl(crypto, { ...query, nonce: '263014781' })).toThrow(WecomCallbackError);
    expect(() => verifyCallbackUrl({ ...crypto, corpId: 'wwother' }, query)).toThrow(/another CorpID/);
  });
});

const CALLBACK = {
  token: 'callbacktoken',
  encodingAesKey: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG',
  corpId: CORP_ID,
};

function post(app: Hono, xml: string, timestamp = '1764900000', nonce = '12345') {
  const encrypted = wecomEncrypt(CALLBACK, xml);
  const signature = wecomSignature(CALLBACK.token, timestamp, nonce, encrypted);
  const body = `<xml><ToUserName><![CDATA[${CORP_ID}]]></ToUserName><AgentID><![CDATA[${AGENT_ID}]]></AgentID><Encrypt><![CDATA[${encrypted}]]></Encrypt></xml>`;
  return app.request(
    `${WECOM_CALLBACK_PATH}?msg_signature=${signature}&timestamp=${timestamp}&nonce=${nonce}`,
    {
      method: 'POST',
      body,
    },
  );
}

const message = (from: string, content: string, msgId: string) =>
  `<xml><ToUserName><![CDATA[${CORP_ID}]]></ToUserName><FromUserName><![CDATA[${from}]]></FromUserName><CreateTime>1764900000</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[${content}]]></Content><MsgId>${msgId}</MsgId><AgentID>${AGENT_ID}</AgentID></xml>`;

describe('private-chat commands through the WeCom callback', () => {
  let wecom: Awaited<ReturnType<typeof startWecom>>;
  let store: Store;
  beforeEach(async () => {
    wecom = await startWecom({ visible: ['LiNa', 'u-zhao'] });
    store = new Store(tempStorePath());
  });
  afterEach(async () => {
    store.close();
    await wecom.close();
  });

  it('answers a command once per MsgId, through the queue, as a WeCom application message', async () => {
    store.contacts.upsert({ id: 'wxid_lina', name: '李娜', unit: '东湖社区' });
    store.contacts.setAddresses('wxid_lina', { wecomUserId: 'LiNa' });
    store.contacts.upsert({ id: 'u-zhao', name: '赵敏', unit: '西苑社区' });
    const config = configSchema.parse({
      deliver: { wecom: { corpId: CORP_ID, agentId: AGENT_ID, secret: SECRET, apiBase: wecom.base } },
    });
    const clock = new SimulatedClock(T0);
    const channels = createChannels(store, config);
    const queue = new SendQueue({
      outbox: store.outbox,
      sender: { sendText: async () => {}, sendImage: async () => {} },
      channels: channels.senders,
      addressOf: channels.addressOf,
      clock,
      settings: config.deliver,
    });
    const conversation = createConversation({
      store,
      config,
      clock,
      queue: { enqueue: (items) => queue.enqueue(items.map((i) => ({ ...i, channel: 'wecom' as const }))) },
    });
    const app = new Hono();
    mountWecomCallback(app, {
      crypto: CALLBACK,
      store,
      conversation,
      log: silentLogger,
    });

    // URL verification.
    const echo = wecomEncrypt(CALLBACK, '8899');
    const sig = wecomSignature(CALLBACK.token, '1', '2', echo);
    const verified = await app.request(
      `${WECOM_CALLBACK_PATH}?msg_signature=${sig}&timestamp=1&nonce=2&echostr=${encodeURIComponent(echo)}`,
    );
    expect(await verified.text()).toBe('8899');

    expect((await post(app, message('LiNa', '帮助', '7001'))).status).toBe(200);
    expect((await post(app, message('LiNa', '帮助', '7001'))).status).toBe(200);
    // A WeCom-archive contact whose id is the user id: the address is learned from the callback.
    expect((await post(app, message('u-zhao', '帮助', '7002'))).status).toBe(200);
    // Tampered: refused.
    const bad = await app.request(`${WECOM_CALLBACK_PATH}?msg_signature=00&timestamp=1&nonce=2`, {
      method: 'POST',
      body: '<xml><Encrypt><![CDATA[abc]]></Encrypt></xml>',
    });
    expect(bad.status).toBe(401);
    await new Promise((r) => setTimeout(r, 200));

    const rows = store.outbox.list();
    expect(new Set(rows.map((r) => r.recipientId))).toEqual(new Set(['wxid_lina', 'u-zhao']));
    expect(rows.every((r) => r.channel === 'wecom')).toBe(true);
    expect(store.contacts.addresses('u-zhao')?.wecomUserId).toBe('u-zhao');
    const result = await queue.drain();
    expect(result.sent).toBe(rows.length);
    const sent = wecom.calls
      .filter((c) => c.path === '/cgi-bin/message/send')
      .map((c) => c.body as { touser: string });
    expect(sent.filter((b) => b.touser === 'LiNa')).toHaveLength(
      rows.filter((r) => r.recipientId === 'wxid_lina').length,
    );
    expect(sent.some((b) => b.touser === 'u-zhao')).toBe(true);
  });
});
