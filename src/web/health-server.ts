import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

/**
 * `qingqun run`'s health endpoint: `GET /health` answers 200 with the status object while the
 * process runs normally, 503 while it is stopping or a part reports trouble (`ok: false`). The
 * status holds counts and times only (no message text, no addresses), so monitoring may read it.
 */
export interface RunningHealth {
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function serveHealth(options: {
  host: string;
  port: number;
  status: () => Record<string, unknown> & { ok: boolean };
  /** Further routes on the same server (the WeCom callback). */
  mount?: (app: Hono) => void;
}): Promise<RunningHealth> {
  const app = new Hono();
  options.mount?.(app);
  app.get('/health', (c) => {
    const status = options.status();
    return c.json(status, status.ok ? 200 : 503);
  });
  const server = serve({ fetch: app.fetch, port: options.port, hostname: options.host });
  await new Promise<void>((resolve, reject) => {
    if (server.listening) resolve();
    server.once('listening', () => resolve());
    server.once('error', reject);
  });
  const port = (server.address() as AddressInfo).port;
  const shown = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `http://${shown}:${port}/health`,
    port,
    close: () => new Promise<void>((done, fail) => server.close((e) => (e ? fail(e) : done()))),
  };
}
