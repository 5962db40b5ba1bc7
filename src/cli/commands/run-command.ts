import { existsSync, mkdirSync } from 'node:fs';
import type { Command } from 'commander';
import type { Hono } from 'hono';
import { createDelivery } from '../../app/create-delivery.js';
import { storeMemberPrivacy } from '../../app/member-privacy.js';
import { ConfigError } from '../../config/config-error.js';
import { createConversation } from '../../converse/create-conversation.js';
import { mountWecomCallback, WECOM_CALLBACK_PATH } from '../../converse/wecom-callback-routes.js';
import { systemClock } from '../../deliver/clock.js';
import { createChannels } from '../../deliver/create-channels.js';
import { SenderOfflineError } from '../../deliver/sender.js';
import { pollChatlog } from '../../ingest/archive/chatlog-poller.js';
import { createWebhookServer } from '../../ingest/archive/create-webhook-server.js';
import { scanWatchedFolder } from '../../ingest/archive/watch-folder.js';
import { createStoragePolicy } from '../../privacy/storage-policy.js';
import { Store } from '../../store/store.js';
import { serveHealth } from '../../web/health-server.js';
import { serveDashboard } from '../../web/serve-dashboard.js';
import { WeekAnalyses } from '../../weeks/week-analyses.js';
import { refuseCentralDb } from '../central-refusals.js';
import type { CliContext } from '../cli-context.js';
import { failure } from '../cli-error.js';
import { checkShipConfig, startShipLoop } from '../start/ship-loop.js';

/** A repeated task's last outcome, for the health endpoint. */
interface TaskStatus {
  runs: number;
  lastRunAt: number | null;
  lastError: string | null;
  [detail: string]: unknown;
}

/**
 * Runs `task` now and then every `ms` until `signal` aborts; a run never overlaps the next. Resolves
 * once stopped and the run in progress (if any) has finished.
 */
async function every(ms: number, signal: AbortSignal, task: () => Promise<void>): Promise<void> {
  while (!signal.aborted) {
    await task();
    await systemClock.sleep(ms, signal);
  }
}

/**
 * `qingqun run`: the unattended process for deployments without a bot account — the schedules
 * (weekly digests, the audit, daily digests, the retention purge), the send queue on the configured
 * channels, ingestion from chatlog's webhook, chatlog's HTTP API and a watched folder, the dashboard,
 * and a health endpoint; SIGINT/SIGTERM stop it cleanly (the send in flight settles first).
 */
export function registerRunCommand(program: Command, context: () => CliContext): void {
  program
    .command('run')
    .description(
      'run unattended without a bot: schedules, email/WeCom sending, chatlog webhook/API and folder import, dashboard, /health',
    )
    .action(async () => {
      const { config, out, log } = context();
      refuseCentralDb(config.db, 'recorder', 'run');
      const r = config.run;
      if (r.webhook && config.webhook.secret.length < 12) {
        throw new ConfigError(
          'run.webhook: set QINGQUN_WEBHOOK_SECRET (at least 12 characters) in .env',
          'webhook.secret',
        );
      }
      checkShipConfig(config);
      if (r.watchDir !== '' && !existsSync(r.watchDir)) {
        throw failure('notFound', { path: r.watchDir });
      }
      const started = Date.now();
      const store = new Store(config.db, { policy: createStoragePolicy(config) });
      const channels = createChannels(store, config);
      for (const name of channels.unconfigured) {
        out(
          config.locale === 'en'
            ? `note: deliver.channels lists ${name} but it is not configured; it is skipped`
            : `提示：deliver.channels 中列出了 ${name}，但它没有配置，发送时跳过`,
        );
      }
      const recent: string[] = [];
      const report = (line: string) => {
        out(line);
        recent.push(line);
        if (recent.length > 20) recent.shift();
      };
      const offline = async () => {
        throw new SenderOfflineError('no WeChat account in qingqun run');
      };
      const delivery = await createDelivery({
        store,
        config,
        sender: { sendText: offline, sendImage: offline },
        clock: systemClock,
        log,
        timers: 'cron',
        channels,
        onReport: report,
        // One week-analysis service for the schedules, the conversation and the dashboard: a week the
        // Monday job analysed is not analysed again when a supervisor opens it.
        analyses: r.dashboard
          ? WeekAnalyses.forStore(store, config, { maxAgeMs: config.web.cacheSeconds * 1000 })
          : undefined,
      });
      const stop = new AbortController();
      const tasks: Promise<void>[] = [];
      const status: Record<string, TaskStatus> = {};
      const closers: (() => Promise<void>)[] = [];

      if (r.chatlogUrl !== '') {
        const s: TaskStatus = { runs: 0, lastRunAt: null, lastError: null };
        status.chatlogPoll = s;
        tasks.push(
          every(r.chatlogPollSeconds * 1000, stop.signal, async () => {
            try {
              const result = await pollChatlog({
                store,
                baseUrl: r.chatlogUrl,
                timezone: config.timezone,
                org: config.org,
                firstDays: r.chatlogFirstDays,
                log: log.child({ stage: 'chatlog-poll' }),
              });
              Object.assign(s, { lastError: null, last: result });
              log.info({ ...result }, 'chatlog API polled');
            } catch (error) {
              s.lastError = (error as Error).message;
              log.warn({ err: s.lastError }, 'chatlog API poll failed; will try again');
            }
            s.runs++;
            s.lastRunAt = Date.now();
          }),
        );
      }
      if (r.watchDir !== '') {
        mkdirSync(r.watchDir, { recursive: true });
        const s: TaskStatus = { runs: 0, lastRunAt: null, lastError: null, imported: 0 };
        status.watchDir = s;
        tasks.push(
          every(r.watchSeconds * 1000, stop.signal, async () => {
            try {
              const done = await scanWatchedFolder({
                store,
                dir: r.watchDir,
                timezone: config.timezone,
                org: config.org,
                settleMs: r.watchSettleSeconds * 1000,
              });
              for (const d of done) {
                (s.imported as number)++;
                log.info(
                  { file: d.file, messages: d.messagesImported, rejected: d.rejected },
                  'watched file imported',
                );
                if (d.problems.length > 0) {
                  report(
                    config.locale === 'en'
                      ? `watched folder: ${d.problems.length} problem(s), first: ${d.problems[0]}`
                      : `监视文件夹：${d.problems.length} 处问题，第一处：${d.problems[0]}`,
                  );
                }
              }
              s.lastError = null;
            } catch (error) {
              s.lastError = (error as Error).message;
              log.warn({ err: s.lastError }, 'watched folder scan failed; will try again');
            }
            s.runs++;
            s.lastRunAt = Date.now();
          }),
        );
      }
      // Shipping to the central store when central.url is set; pulled digests wake the queue.
      const shipping = startShipLoop({
        store,
        config,
        log,
        enqueue: (items) => delivery.queue.enqueue(items),
      });
      if (shipping) status.ship = shipping.status;
      if (r.webhook) {
        const server = await createWebhookServer({
          store,
          secret: config.webhook.secret,
          port: config.webhook.port,
          host: config.webhook.host,
          timezone: config.timezone,
          org: config.org,
          log: log.child({ stage: 'chatlog-webhook' }),
        });
        out(`chatlog webhook: ${server.url}?secret=…`);
        closers.push(() => server.close());
      }
      if (r.dashboard) {
        const dashboard = await serveDashboard({ store, config, log, analyses: delivery.analyses });
        out(`dashboard: ${dashboard.url}`);
        closers.push(() => dashboard.close());
      }
      const outbox = store.outbox;
      let stopping = false;
      // Private-chat commands through the WeCom application's callback, answered on the WeCom channel.
      const w = config.deliver.wecom;
      const callback = w.callbackToken !== '' && w.encodingAesKey !== '' && w.corpId !== '';
      const mount = callback
        ? (app: Hono) =>
            mountWecomCallback(app, {
              crypto: { token: w.callbackToken, encodingAesKey: w.encodingAesKey, corpId: w.corpId },
              store,
              log,
              conversation: createConversation({
                store,
                config,
                clock: systemClock,
                log,
                privacy: storeMemberPrivacy(store, config),
                queue: {
                  enqueue: (items) =>
                    delivery.queue.enqueue(items.map((item) => ({ ...item, channel: 'wecom' as const }))),
                },
              }),
            })
        : undefined;
      const health = await serveHealth({
        host: r.healthHost,
        port: r.healthPort,
        mount,
        status: () => {
          const failing = Object.values(status).some((s) => s.lastError !== null);
          return {
            ok: !stopping && !failing,
            stopping,
            startedAt: new Date(started).toISOString(),
            uptimeSeconds: Math.round((Date.now() - started) / 1000),
            outbox: outbox.counts(),
            queuedByChannel: outbox.countByChannel('queued'),
            channels: Object.keys(channels.senders),
            startup: delivery.schedules.startup.map((o) => ({
              job: o.job,
              period: o.periodKey,
              status: o.status,
            })),
            tasks: status,
            reports: recent,
          };
        },
      });
      if (callback) out(`WeCom callback: ${health.url.replace(/\/health$/, WECOM_CALLBACK_PATH)}`);
      out(`qingqun run: health at ${health.url} (Ctrl-C or SIGTERM stops)`);

      await new Promise<void>((resolve) => {
        process.once('SIGINT', () => resolve());
        process.once('SIGTERM', () => resolve());
      });
      stopping = true;
      stop.abort();
      await Promise.all(tasks);
      await shipping?.stop();
      for (const close of closers) await close();
      await delivery.stop();
      await health.close();
      channels.close();
      store.close();
      out(config.locale === 'en' ? 'qingqun run: stopped' : 'qingqun run：已停止');
    });
}
