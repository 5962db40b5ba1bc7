/**
 * `qingqun serve-webhook`: a small HTTP server for chatlog's webhook (hono on node:http).
 *   POST {path}?secret=…   chatlog's body; the secret may instead come as `X-Qingqun-Secret: …` or
 *                          `Authorization: Bearer …`. Answers the handler's JSON (chatlog-webhook.ts).
 *   GET  /healthz          `{"ok":true}` for monitoring.
 * Listens on 127.0.0.1 unless told otherwise: put a TLS proxy in front before exposing it, since the
 * secret travels in the URL. The secret is checked first, from the headers and the URL alone: a
 * request without the right one is answered 401 before a byte of its body is read (so nobody without
 * the secret can make the server parse 16 MiB). After 10 wrong secrets from one address within
 * 10 minutes, that address's wrong secrets are answered 429; the right secret is always accepted
 * (chatlog may share its address with whoever is failing). Bodies over `maxBodyBytes` are refused
 * with 413.
 */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { createChatlogWebhookHandler, secretMatches, type WebhookOptions } from './chatlog-webhook.js';

export interface WebhookServerOptions extends WebhookOptions {
  /** 0 picks a free port. */
  port: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Default /webhook/chatlog. */
  path?: string;
  /** Default 16 MiB. */
  maxBodyBytes?: number;
}

export interface WebhookServer {
  /** The URL to configure in chatlog, without the secret. */
  url: string;
  port: number;
  close(): Promise<void>;
}

/** The secret a request presents: `X-Qingqun-Secret`, else `Authorization: Bearer`, else `?secret=`. */
function presentedSecret(c: Context): string | undefined {
  const bearer = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
  return c.req.header('x-qingqun-secret') ?? bearer ?? c.req.query('secret');
}

/** Wrong secrets allowed per address within FAILURE_WINDOW_MS before they are answered 429. */
const MAX_FAILURES = 10;
const FAILURE_WINDOW_MS = 10 * 60_000;

export function createWebhookApp(options: Omit<WebhookServerOptions, 'port' | 'host'>): Hono {
  const handle = createChatlogWebhookHandler(options);
  const now = options.now ?? Date.now;
  const failures = new Map<string, number[]>();
  const recent = (address: string) =>
    (failures.get(address) ?? []).filter((t) => t > now() - FAILURE_WINDOW_MS);
  const app = new Hono();
  const path = options.path ?? '/webhook/chatlog';
  app.get('/healthz', (c) => c.json({ ok: true }));
  // The secret first, from headers and URL only: nothing of the body is read without it.
  app.post(path, async (c, next) => {
    if (secretMatches(options.secret, presentedSecret(c))) return next();
    let address = 'local';
    try {
      address = getConnInfo(c).remote.address ?? 'unknown';
    } catch {}
    const list = recent(address);
    list.push(now());
    failures.delete(address);
    failures.set(address, list);
    if (failures.size > 10_000) failures.delete(failures.keys().next().value as string);
    if (list.length > MAX_FAILURES) return c.json({ ok: false, error: 'too many wrong secrets' }, 429);
    return c.json({ ok: false, error: 'wrong or missing secret' }, 401);
  });
  app.post(
    path,
    bodyLimit({
      maxSize: options.maxBodyBytes ?? 16 * 1024 * 1024,
      onError: (c) => c.json({ ok: false, error: 'body too large' }, 413),
    }),
    async (c) => {
      let body: unknown;
      try {
        body = await c.req.json();
      } catch {
        return c.json({ ok: false, error: 'the body is not JSON' }, 400);
      }
      // The handler checks the secret again (it is HTTP-free and used on its own too).
      const result = handle(body, presentedSecret(c));
      return c.json(result.body, result.status);
    },
  );
  return app;
}

export function createWebhookServer(options: WebhookServerOptions): Promise<WebhookServer> {
  const app = createWebhookApp(options);
  const host = options.host ?? '127.0.0.1';
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: options.port, hostname: host }, (info: AddressInfo) => {
      const shownHost = host.includes(':') ? `[${host}]` : host;
      resolve({
        url: `http://${shownHost}:${info.port}${options.path ?? '/webhook/chatlog'}`,
        port: info.port,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((error) => (error ? fail(error) : done()));
            if ('closeAllConnections' in server) server.closeAllConnections();
          }),
      });
    });
    server.once('error', reject);
  });
}
