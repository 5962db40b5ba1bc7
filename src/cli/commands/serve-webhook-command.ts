import type { Command } from 'commander';
import { ConfigError } from '../../config/config-error.js';
import { createWebhookServer } from '../../ingest/archive/create-webhook-server.js';
import { createStoragePolicy } from '../../privacy/storage-policy.js';
import { Store } from '../../store/store.js';
import { refuseCentralDb } from '../central-refusals.js';
import type { CliContext } from '../cli-context.js';
import { integerFlag } from '../flags.js';

export function registerServeWebhookCommand(program: Command, context: () => CliContext): void {
  program
    .command('serve-webhook')
    .description(
      "receive chatlog's webhook POSTs (live data without a bot account); secret from QINGQUN_WEBHOOK_SECRET",
    )
    .option('--port <n>', 'port (default 8090)')
    .option('--host <host>', 'address to bind (default 127.0.0.1)')
    .action(async (flags: { port?: string; host?: string }) => {
      const { config, out, log } = context();
      refuseCentralDb(config.db, 'recorder', 'serve-webhook');
      const { secret } = config.webhook;
      if (secret.length < 12) {
        throw new ConfigError(
          'webhook.secret: set QINGQUN_WEBHOOK_SECRET (at least 12 characters) in .env',
          'webhook.secret',
        );
      }
      const store = new Store(config.db, { policy: createStoragePolicy(config) });
      const server = await createWebhookServer({
        store,
        secret,
        port: integerFlag('--port', flags.port, 0, 65535) ?? config.webhook.port,
        host: flags.host ?? config.webhook.host,
        timezone: config.timezone,
        org: config.org,
        log: log.child({ stage: 'chatlog-webhook' }),
      });
      out(
        config.locale === 'zh-CN'
          ? `chatlog webhook 已启动：${server.url}?secret=…（按 Ctrl+C 停止）`
          : `chatlog webhook listening at ${server.url}?secret=… (Ctrl-C stops)`,
      );
      await new Promise<void>((resolve) => {
        for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => resolve());
      });
      await server.close();
      store.close();
    });
}
