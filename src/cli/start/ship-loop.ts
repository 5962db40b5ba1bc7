/**
 * Shipping inside the long-running processes (`qingqun start` with a bot, `qingqun run`): when
 * central.url is configured, one round every central.shipEverySeconds (docs/SCALING.md, "Shipping
 * from bot hosts"). A failed round (central store unreachable) is logged and retried at the next
 * interval; recording never waits for it.
 */
import { ConfigError } from '../../config/config-error.js';
import type { Config } from '../../config/schema.js';
import { errorText, type Logger } from '../../logging/logger.js';
import type { EnqueueOutcome, OutboxItem } from '../../store/outbox.js';
import { redactUrl, shipRound } from '../../store/postgres/ship-round.js';
import type { Store } from '../../store/store.js';

export interface ShipLoopStatus {
  runs: number;
  lastRunAt: number | null;
  lastError: string | null;
  [detail: string]: unknown;
}

export interface ShipLoop {
  status: ShipLoopStatus;
  /** Stops after the round in progress, if any. */
  stop(): Promise<void>;
}

/** Refuses central.url without central.account (a ConfigError: one line, exit 2), before anything starts. */
export function checkShipConfig(config: Config): void {
  if (config.central.url !== '' && config.central.account.trim() === '') {
    throw new ConfigError(
      "central.account: name this host's bot account (as the central store knows it) to ship to central.url",
      'central.account',
    );
  }
}

/**
 * Starts the loop, or returns undefined when central.url is empty. `enqueue` is the running send
 * queue's (so that pulled messages wake it); without one they go straight into the outbox.
 */
export function startShipLoop(options: {
  store: Store;
  config: Config;
  log: Logger;
  enqueue?: (items: readonly OutboxItem[]) => EnqueueOutcome[];
}): ShipLoop | undefined {
  const { store, config, log, enqueue } = options;
  const c = config.central;
  if (c.url === '') return undefined;
  checkShipConfig(config);
  const status: ShipLoopStatus = { runs: 0, lastRunAt: null, lastError: null };
  const abort = new AbortController();
  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      abort.signal.addEventListener('abort', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  const loop = (async () => {
    while (!abort.signal.aborted) {
      try {
        const r = await shipRound(store, c.url, {
          account: c.account,
          batchSize: c.batchSize,
          ...(enqueue ? { enqueue } : {}),
        });
        status.lastError = null;
        status.last = {
          messages: r.shipped.messages.sent,
          added: r.shipped.messages.added,
          pulled: r.pulled.queued,
        };
        log.info(
          {
            ...(status.last as object),
            batches: r.shipped.batches,
            answers: r.shipped.statuses.sent,
            digestNumberings: r.issued,
            erasedHere: r.shipped.erasedHere,
            erasedCentrally: r.shipped.erasedCentrally,
          },
          'shipped to the central store',
        );
        if (r.pulled.conflicts.length > 0) {
          log.warn(
            { keys: r.pulled.conflicts },
            'central messages not queued: their key holds other content',
          );
        }
      } catch (error) {
        status.lastError = (error as Error).message;
        log.warn({ err: errorText(error), central: redactUrl(c.url) }, 'ship failed; will try again');
      }
      status.runs++;
      status.lastRunAt = Date.now();
      await wait(c.shipEverySeconds * 1000);
    }
  })();
  return {
    status,
    stop: async () => {
      abort.abort();
      await loop;
    },
  };
}
