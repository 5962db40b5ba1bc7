import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { createChatlogWebhookHandler, secretMatches } from '../../../src/ingest/archive/chatlog-webhook.js';
import {
  createWebhookServer,
  type WebhookServer,
} from '../../../src/ingest/archive/create-webhook-server.js';
import { importArchive } from '../../../src/ingest/archive/import-archive.js';
import type { Store } from '../../../src/store/store.js';
import { memoryLogger } from '../../fixtures/memory-logger.js';
import { openTempStore } from '../../fixtures/temp-store.js';
import { column, fixture, messageRow, NOW, typeCounts } from './store-counts.js';

const SECRET = 'correct-horse-battery-staple';
const ROOM = '44920588234@chatroom';
const stores: Store[] = [];
const servers: WebhookServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
  for (const s of stores.splice(0)) s.close();
});

function newStore(): Store {
  const store = openTempStore();
  stores.push(store);
  return store;
}

function message(seq: number, fields: Record<string, unknown> = {}) {
  return {
    seq,
    time: '2026-11-16T09:00:00+08:00',
    talker: ROOM,
    talkerName: '东湖社区网格员群',
    isChatRoom: true,
    sender: 'wxid_lina',
    senderName: '李娜',
    isSelf: false,
    type: 1,
    subType: 0,
    content: '收到',
    ...fields,
  };
}

/** A body as chatlog sends it: the filter it matched, the last time seen, and the new messages. */
function body(messages: unknown[]) {
  return {
    talker: ROOM,
    sender: '',
    keyword: '',
    lastTime: '2026-11-16T09:00:00+08:00',
    length: messages.length,
    messages,
  };
}

describe('chatlog webhook handler', () => {
  it('refuses a wrong, missing or partial secret without touching the store', () => {
    const store = newStore();
    const handle = createChatlogWebhookHandler({ store, secret: SECRET, now: () => NOW });
    for (const presented of [
      'wrong-secret-entirely',
      undefined,
      null,
      '',
      SECRET.slice(0, -1),
      `${SECRET} `,
    ]) {
      expect(handle(body([message(1)]), presented)).toEqual({
        status: 401,
        body: { ok: false, error: 'wrong or missing secret' },
      });
    }
    expect(store.db.prepare('SELECT COUNT(*) FROM messages').pluck().get()).toBe(0);
  });

  it.each([
    ['not an object', 'hello'],
    ['no messages', { talker: ROOM }],
    ['messages not a list', { messages: { seq: 1 } }],
  ])('answers 400 for a body that is %s', (_, payload) => {
    const handle = createChatlogWebhookHandler({ store: newStore(), secret: SECRET, now: () => NOW });
    expect(handle(payload, SECRET)).toMatchObject({ status: 400, body: { ok: false } });
  });

  it('stores group messages, skips private ones, reports bad ones, and counts a resend as duplicates', () => {
    const store = newStore();
    const log = memoryLogger();
    const handle = createChatlogWebhookHandler({ store, secret: SECRET, now: () => NOW, log });
    const batch = body([
      message(1794790800000, { content: '@所有人 今晚八点前上报' }),
      message(1794790800001),
      message(1794790800002, { talker: 'wxid_wangjun', isChatRoom: false }),
      message(1794790800003, {
        type: 49,
        subType: 6,
        content: '',
        contents: { title: '台账.xlsx', md5: 'AB'.repeat(16) },
      }),
      message(1794790800004, { time: 'soon' }),
    ]);
    const first = handle(batch, SECRET);
    expect(first).toEqual({
      status: 200,
      body: {
        ok: false,
        received: 5,
        imported: 3,
        duplicate: 0,
        rejected: 1,
        skipped: { private: 1 },
        unknownTypes: {},
        problems: ['webhook:5: time: not a time "soon"'],
      },
    });
    expect(log.entries).toEqual([
      {
        level: 'warn',
        msg: 'webhook line rejected',
        data: { problem: 'webhook:5: time: not a time "soon"' },
      },
    ]);
    expect(typeCounts(store)).toEqual({ [ROOM]: { text: 2, file: 1 } });
    expect(messageRow(store, `${ROOM}#1794790800000`)).toMatchObject({ source: 'chatlog', mention_all: 1 });
    expect(handle(batch, SECRET).body).toMatchObject({ imported: 0, duplicate: 3, rejected: 1 });
  });

  it('stores messages as chatlog JSON imports do, so a later export adds nothing twice', async () => {
    const store = newStore();
    const handle = createChatlogWebhookHandler({ store, secret: SECRET, now: () => NOW });
    const exported = (await import('node:fs')).readFileSync(fixture('chatlog-messages.json'), 'utf8');
    const messages = JSON.parse(exported).slice(0, 3);
    expect(handle(body(messages), SECRET).body.imported).toBe(3);
    const summary = await importArchive(store, [fixture('chatlog-messages.json')], { now: NOW });
    expect(summary.messages.duplicate).toBe(3);
  });

  it('needs a secret of at least 12 characters', () => {
    expect(() => createChatlogWebhookHandler({ store: newStore(), secret: 'short' })).toThrow(/at least 12/);
  });

  it('compares secrets exactly', () => {
    expect(secretMatches(SECRET, SECRET)).toBe(true);
    expect(secretMatches(SECRET, SECRET.toUpperCase())).toBe(false);
    expect(secretMatches(SECRET, undefined)).toBe(false);
  });
});

describe('webhook server', () => {
  async function start(store: Store, extra: { maxBodyBytes?: number } = {}) {
    const server = await createWebhookServer({ store, secret: SECRET, port: 0, now: () => NOW, ...extra });
    servers.push(server);
    return server;
  }

  const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
    fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof payload === 'string' ? payload : JSON.stringify(payload),
    });

  it('accepts the secret in the query, a header or a bearer token, and refuses it missing', async () => {
    const store = newStore();
    const server = await start(store);
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/webhook\/chatlog$/);
    const ok = await post(`${server.url}?secret=${SECRET}`, body([message(1)]));
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ ok: true, imported: 1 });
    expect((await post(server.url, body([message(2)]), { 'x-qingqun-secret': SECRET })).status).toBe(200);
    expect((await post(server.url, body([message(3)]), { authorization: `Bearer ${SECRET}` })).status).toBe(
      200,
    );
    expect((await post(server.url, body([message(4)]))).status).toBe(401);
    expect(column(store, 'SELECT source_id FROM messages ORDER BY source_id')).toEqual([
      `${ROOM}#1`,
      `${ROOM}#2`,
      `${ROOM}#3`,
    ]);
  });

  it('checks the secret before reading the body: 401 for a wrong one whatever the body', async () => {
    const store = newStore();
    const server = await start(store, { maxBodyBytes: 1024 });
    // Used to be 400 and 413: the body was read (up to 16 MiB) before the secret was looked at.
    expect((await post(`${server.url}?secret=wrong-secret-xxxx`, '{"messages": [')).status).toBe(401);
    const big = body(Array.from({ length: 50 }, (_, i) => message(i)));
    expect((await post(`${server.url}?secret=wrong-secret-xxxx`, big)).status).toBe(401);
    // A body that never ends: the answer comes at once, from the headers and URL alone.
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(`${server.url}?secret=wrong-secret-xxxx`, {
        method: 'POST',
        agent: false,
        headers: { 'content-type': 'application/json', 'content-length': String(16 * 1024 * 1024) },
      });
      req.on('response', (res) => {
        resolve(res.statusCode ?? 0);
        req.destroy();
      });
      req.on('error', reject);
      req.write('{"messages": [');
      setTimeout(() => {
        reject(new Error('no answer within 3 s: the server waits for the body'));
        req.destroy();
      }, 3000);
    });
    expect(status).toBe(401);
    expect(column(store, 'SELECT source_id FROM messages')).toEqual([]);
  });

  it('answers 429 to wrong secrets after 10 from one address, and still takes the right one', async () => {
    const store = newStore();
    const server = await start(store);
    for (let i = 0; i < 10; i++)
      expect((await post(`${server.url}?secret=wrong-${i}`, body([]))).status).toBe(401);
    expect((await post(`${server.url}?secret=wrong-last`, body([]))).status).toBe(429);
    expect((await post(server.url, body([]))).status).toBe(429);
    const ok = await post(`${server.url}?secret=${SECRET}`, body([message(1)]));
    expect(ok.status).toBe(200);
    expect(column(store, 'SELECT source_id FROM messages')).toEqual([`${ROOM}#1`]);
  });

  it('answers 400 for a body that is not JSON, 413 for one too large, and /healthz', async () => {
    const server = await start(newStore(), { maxBodyBytes: 1024 });
    expect((await post(`${server.url}?secret=${SECRET}`, '{"messages": [')).status).toBe(400);
    const big = body(Array.from({ length: 50 }, (_, i) => message(i)));
    expect((await post(`${server.url}?secret=${SECRET}`, big)).status).toBe(413);
    const health = await fetch(new URL('/healthz', server.url));
    expect(await health.json()).toEqual({ ok: true });
  });
});
