/**
 * `qingqun serve-webhook`: a small HTTP server for chatlog's webhook (hono on node:http).
 *   POST {path}?secret=…   chatlog's body; the secret may instead come as `X-Qingqun-Secret: …` or
 *                          `Authorization: Bearer …`. Answers the handler's JSON (chatlog-webhook.ts).
 *   GET  /healthz          `{"ok":true}` for monitoring.
 * Listens on 127.0.0.1 unless told otherwise: put a TLS proxy in front before exposing it, since the
 * secret travels in the URL. Bodies over `maxBodyBytes` are refused with 413.
 */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { createChatlogWebhookHandler, type WebhookOptions } from './chatlog-webhook.js';

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

export function createWebhookApp(options: Omit<WebhookServerOptions, 'port' | 'host'>): Hono {
  const handle = createChatlogWebhookHandler(options);
  const app = new Hono();
  app.get('/healthz', (c) => c.json({ ok: true }));
  app.post(
    options.path ?? '/webhook/chatlog',
    bodyLimit({
      maxSize: options.maxBodyBytes ?? 16 * 1024 * 1024,
      onError: (c) => c.json({ ok: false, error: 'body too large' }, 413),
    }),
    async (c) => {
      const bearer = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
      const secret = c.req.header('x-qingqun-secret') ?? bearer ?? c.req.query('secret');
      let body: unknown;
      try {
        body = await c.req.json();
      } catch {
        return c.json({ ok: false, error: 'the body is not JSON' }, 400);
      }
      const result = handle(body, secret);
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
          new Promise<void>((done, fail) => server.close((error) => (error ? fail(error) : done()))),
      });
    });
    server.once('error', reject);
  });
}
