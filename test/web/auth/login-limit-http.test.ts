/**
 * The login limiter over a real HTTP server on 127.0.0.1 (issue 13 item 8): attempts are counted
 * before the body is read, so slow bodies cannot pass the limit together; a right token is never
 * refused because of someone else's failures; X-Forwarded-For counts only from a configured proxy.
 * Every loop is bounded.
 */
import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { type Config, configSchema } from '../../../src/config/schema.js';
import { Store } from '../../../src/store/store.js';
import { type RunningDashboard, serveDashboard } from '../../../src/web/serve-dashboard.js';
import { tempStorePath } from '../../fixtures/temp-store.js';

const TOKEN = 'town-office-token-3f9c2a71e0b4';

const opened: { store: Store; server: RunningDashboard }[] = [];

afterEach(async () => {
  for (const { store, server } of opened.splice(0)) {
    await server.close();
    store.close();
  }
});

async function start(web: Record<string, unknown> = {}): Promise<RunningDashboard> {
  const db = tempStorePath();
  new Store(db).close();
  const store = new Store(db, { readonly: true });
  const config: Config = configSchema.parse({ db, web: { tokens: `town:${TOKEN}`, ...web } });
  const server = await serveDashboard({ store, config, port: 0, warm: false });
  opened.push({ store, server });
  return server;
}

/**
 * POSTs a login form through node:http. The body is sent in two halves: the second after `gapMs`,
 * or once `release` resolves (a slow client). `sent` resolves when the first half is on the wire.
 */
function post(
  url: string,
  token: string,
  headers: Record<string, string> = {},
  gapMs = 0,
  release?: Promise<void>,
): Promise<number> & { sent?: Promise<void> } {
  const body = new URLSearchParams({ token }).toString();
  let sentResolve: () => void = () => {};
  const sent = new Promise<void>((r) => {
    sentResolve = r;
  });
  const done = new Promise<number>((resolve, reject) => {
    const req = request(
      `${url}/login`,
      {
        method: 'POST',
        agent: false,
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'content-length': String(Buffer.byteLength(body)),
          ...headers,
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    const half = Math.floor(body.length / 2);
    req.write(body.slice(0, half), () => sentResolve());
    const rest = () => req.end(body.slice(half));
    if (release) void release.then(rest);
    else setTimeout(rest, gapMs);
  });
  return Object.assign(done, { sent });
}

describe('login limiting over HTTP', () => {
  it('answers 429 to most of 300 concurrent slow wrong logins (counted before the body is read)', async () => {
    const server = await start();
    let go: () => void = () => {};
    const release = new Promise<void>((r) => {
      go = r;
    });
    const requests = Array.from({ length: 300 }, (_, i) =>
      post(server.url, `wrong-guess-${String(i).padStart(8, '0')}`, {}, 0, release),
    );
    // Every request's headers and half its body are out before any body completes.
    await Promise.all(requests.map((r) => r.sent));
    await new Promise((r) => setTimeout(r, 500));
    go();
    const statuses = await Promise.all(requests);
    const count = (s: number) => statuses.filter((x) => x === s).length;
    expect(count(401)).toBeLessThanOrEqual(10);
    expect(count(429)).toBeGreaterThanOrEqual(290);
    expect(count(401) + count(429)).toBe(300);
  }, 30_000);

  it('still accepts the right token from an address that failed (a shared proxy)', async () => {
    const server = await start();
    for (let i = 0; i < 15; i++) await post(server.url, `someone-else-wrong-${i}-xxxxxxxx`);
    expect(await post(server.url, `someone-else-wrong-last-xxxxxxxx`)).toBe(429);
    expect(await post(server.url, TOKEN)).toBe(303);
    expect(await post(server.url, TOKEN, {}, 200)).toBe(303);
  }, 30_000);

  it('takes the client from X-Forwarded-For only when the peer is a configured proxy', async () => {
    const proxied = await start({ trustedProxies: ['127.0.0.1'] });
    const from = (ip: string) => ({ 'x-forwarded-for': `198.51.100.9, ${ip}` });
    for (let i = 0; i < 10; i++)
      expect(await post(proxied.url, `wrong-a-${i}-xxxxxxxxxxxx`, from('203.0.113.1'))).toBe(401);
    expect(await post(proxied.url, 'wrong-a-last-xxxxxxxxxxxx', from('203.0.113.1'))).toBe(429);
    // Another client behind the same proxy has its own attempts (and a different token prefix).
    expect(await post(proxied.url, 'other-client-wrong-xxxxxxxx', from('203.0.113.2'))).toBe(401);
    expect(await post(proxied.url, TOKEN, from('203.0.113.1'))).toBe(303);

    // Without a trusted proxy the header is ignored: forging it does not buy fresh attempts.
    const direct = await start();
    for (let i = 0; i < 10; i++)
      expect(
        await post(direct.url, `wrong-b-${i}-xxxxxxxxxxxx`, { 'x-forwarded-for': `203.0.113.${i}` }),
      ).toBe(401);
    expect(await post(direct.url, 'fresh-prefix-wrong-xxxxxxxx', { 'x-forwarded-for': '203.0.113.99' })).toBe(
      429,
    );
  }, 30_000);

  it('limits wrong tokens sharing a prefix, whatever address they come from', async () => {
    const proxied = await start({ trustedProxies: ['127.0.0.1'] });
    for (let i = 0; i < 10; i++)
      expect(
        await post(proxied.url, `town-o-guess-${i}-xxxxxxxx`, { 'x-forwarded-for': `203.0.113.${i}` }),
      ).toBe(401);
    expect(await post(proxied.url, 'town-o-guess-last-xxxxxxxx', { 'x-forwarded-for': '203.0.113.50' })).toBe(
      429,
    );
    // The right token with that very prefix still logs in.
    expect(await post(proxied.url, TOKEN, { 'x-forwarded-for': '203.0.113.51' })).toBe(303);
  }, 30_000);
});
