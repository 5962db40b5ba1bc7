import { mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { pollChatlog } from '../../../src/ingest/archive/chatlog-poller.js';
import { scanWatchedFolder } from '../../../src/ingest/archive/watch-folder.js';
import type { Store } from '../../../src/store/store.js';
import { openTempStore } from '../../fixtures/temp-store.js';
import { fixture } from './store-counts.js';

const ROOM = '44920588234@chatroom';
/** chatlog's recorded messages (the HTTP API's `format=json` array) and its chatroom list. */
const MESSAGES = JSON.parse(readFileSync(fixture('chatlog-messages.json'), 'utf8')) as {
  talker: string;
  time: string | number;
}[];
const stores: Store[] = [];
const servers: Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await new Promise((r) => s.close(r));
  for (const s of stores.splice(0)) s.close();
});

function newStore(): Store {
  const store = openTempStore();
  stores.push(store);
  return store;
}

/** The local day of a recorded time; the recording's deliberately broken times match every day. */
const dayOf = (t: string | number) => {
  const ms = typeof t === 'number' ? t * 1000 : Date.parse(t);
  return Number.isNaN(ms) ? null : new Date(ms + 8 * 3600_000).toISOString().slice(0, 10);
};

/** chatlog's HTTP API served from the recorded responses, as route.go answers. */
async function chatlogApi(options: { fail?: () => boolean } = {}) {
  const requests: URL[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push(url);
    res.setHeader('content-type', 'application/json; charset=utf-8');
    if (options.fail?.()) {
      res.statusCode = 500;
      res.end(JSON.stringify({ error: 'database is locked' }));
      return;
    }
    if (url.pathname === '/api/v1/chatroom') {
      res.end(
        JSON.stringify({
          items: [{ name: ROOM, nickName: '东湖社区网格员群', owner: 'wxid_wangjun', users: [] }],
        }),
      );
      return;
    }
    if (url.pathname === '/api/v1/chatlog') {
      const [from = '', to = ''] = (url.searchParams.get('time') ?? '').split('~');
      const limit = Number(url.searchParams.get('limit') ?? 0);
      const offset = Number(url.searchParams.get('offset') ?? 0);
      const hits = MESSAGES.filter((m) => {
        const day = dayOf(m.time);
        return m.talker === url.searchParams.get('talker') && (day === null || (day >= from && day <= to));
      });
      res.end(JSON.stringify(limit > 0 ? hits.slice(offset, offset + limit) : hits.slice(offset)));
      return;
    }
    res.statusCode = 404;
    res.end(JSON.stringify({ error: 'Not found' }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  servers.push(server);
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests };
}

const count = (store: Store) => store.db.prepare('SELECT COUNT(*) FROM messages').pluck().get() as number;

describe("polling chatlog's HTTP API", () => {
  it('imports the group chats since the cursor, pages through them, and resumes where it stopped', async () => {
    const store = newStore();
    const api = await chatlogApi();
    const now = Date.parse('2026-11-18T12:00:00+08:00');
    const first = await pollChatlog({
      store,
      baseUrl: api.base,
      timezone: 'Asia/Shanghai',
      firstDays: 7,
      pageSize: 3,
      now: () => now,
    });
    const roomMessages = MESSAGES.filter((m) => m.talker === ROOM).length;
    expect(first).toMatchObject({ groups: 1, received: roomMessages, from: '2026-11-11', to: '2026-11-18' });
    expect(first.imported).toBeGreaterThan(0);
    expect(count(store)).toBe(first.imported);
    const pages = api.requests.filter((u) => u.pathname === '/api/v1/chatlog');
    expect(pages.map((u) => u.searchParams.get('offset'))).toEqual(
      Array.from({ length: Math.floor(roomMessages / 3) + 1 }, (_, i) => String(i * 3)),
    );
    expect(pages[0]?.searchParams.get('format')).toBe('json');
    expect(store.ingestState.cursor(`chatlog-api:${api.base}`)).toBe('2026-11-18');

    const second = await pollChatlog({
      store,
      baseUrl: api.base,
      timezone: 'Asia/Shanghai',
      firstDays: 7,
      now: () => now + 86_400_000,
    });
    expect(second).toMatchObject({ from: '2026-11-17', to: '2026-11-19', imported: 0 });
    expect(count(store)).toBe(first.imported);
  });

  it('keeps the cursor when a poll fails, so the next one reads the same days again', async () => {
    const store = newStore();
    let failing = true;
    const api = await chatlogApi({ fail: () => failing });
    const now = Date.parse('2026-11-18T12:00:00+08:00');
    const options = { store, baseUrl: api.base, timezone: 'Asia/Shanghai', firstDays: 7, now: () => now };
    await expect(pollChatlog(options)).rejects.toThrow(/chatlog API 500/);
    expect(store.ingestState.cursor(`chatlog-api:${api.base}`)).toBeUndefined();
    failing = false;
    expect((await pollChatlog(options)).from).toBe('2026-11-11');
  });
});

describe('a watched folder', () => {
  it('imports each new or changed file once, keeps the report, and waits for files still being written', async () => {
    const store = newStore();
    const dir = mkdtempSync(join(tmpdir(), 'qingqun-watch-'));
    const now = Date.now();
    const past = new Date(now - 120_000);
    const chatlog = join(dir, 'chatlog.json');
    writeFileSync(chatlog, readFileSync(fixture('chatlog-messages.json')));
    const jsonl = join(dir, 'town.jsonl');
    const group = { kind: 'group', id: 'g1@chatroom', name: '党建群', memberIds: ['u1'] };
    const msg = (id: string) => ({
      kind: 'message',
      id,
      groupId: 'g1@chatroom',
      senderId: 'u1',
      time: '2026-11-16T09:00:00+08:00',
      type: 'text',
      text: '收到',
    });
    writeFileSync(
      jsonl,
      `${JSON.stringify(group)}\n${JSON.stringify(msg('m1'))}\n{"kind":"message","id":"bad"}\n`,
    );
    for (const f of [chatlog, jsonl]) utimesSync(f, past, past);
    writeFileSync(join(dir, '.partial.csv'), 'hidden');
    const scan = (at = now) =>
      scanWatchedFolder({ store, dir, timezone: 'Asia/Shanghai', settleMs: 5000, now: () => at });

    const first = await scan();
    expect(first.map((d) => d.file).sort()).toEqual([chatlog, jsonl].sort());
    const bad = first.find((d) => d.file === jsonl);
    expect(bad?.rejected).toBe(1);
    expect(bad?.problems[0]).toMatch(/town\.jsonl:3: /);
    const stored = store.ingestState.watchedFiles().find((f) => f.path === jsonl);
    expect(JSON.parse(stored?.report ?? '{}')).toMatchObject({ format: 'jsonl', rejected: 1 });
    const messages = count(store);

    expect(await scan()).toEqual([]);
    // Touched but identical: not imported again.
    const later = new Date(now - 60_000);
    utimesSync(chatlog, later, later);
    expect(await scan()).toEqual([]);

    // Changed: imported again (only the new message is new); a file being written waits.
    writeFileSync(
      jsonl,
      `${JSON.stringify(group)}\n${JSON.stringify(msg('m1'))}\n${JSON.stringify(msg('m2'))}\n`,
    );
    expect(await scan(Date.now())).toEqual([]);
    const changed = await scan(Date.now() + 10_000);
    expect(changed.map((d) => d.file)).toEqual([jsonl]);
    expect(changed[0]).toMatchObject({ messagesImported: 1, rejected: 0 });
    expect(count(store)).toBe(messages + 1);
  });
});
