import type { Command } from 'commander';
import { isPostgresUrl } from '../../config/db-target.js';
import { ShipBusyError } from '../../store/postgres/ship.js';
import {
  CentralUnreachableError,
  describeShipRound,
  redactUrl,
  shipRound,
} from '../../store/postgres/ship-round.js';
import { Store } from '../../store/store.js';
import type { CliContext } from '../cli-context.js';
import { failure, usageError } from '../cli-error.js';

interface ShipFlags {
  to?: string;
  account?: string;
  batchSize?: string;
  pull: boolean;
}

/**
 * `qingqun ship --to postgres://…`: forwards what this host's spool (`--db`) recorded since the last
 * round to the central store, then pulls the messages queued centrally for this account into the
 * local outbox (docs/SCALING.md, "Shipping from bot hosts"). Resumable and idempotent: run it from
 * cron, or let `start` / `run` do it every central.shipEverySeconds.
 */
export function registerShipCommand(program: Command, context: () => CliContext): void {
  program
    .command('ship')
    .description("forward this host's new rows to the central PostgreSQL store, then pull its queued digests")
    .option('--to <url>', 'the central store, postgres://… (default: central.url, env QINGQUN_CENTRAL_URL)')
    .option('--account <name>', "this host's bot account as named centrally (default: central.account)")
    .option('--batch-size <n>', 'rows per central transaction (default: central.batchSize)')
    .option('--no-pull', 'only push; leave centrally queued messages where they are')
    .action(async (flags: ShipFlags) => {
      const { config, out, log } = context();
      const url = flags.to ?? config.central.url;
      if (url === '') throw usageError('noCentralUrl', {});
      if (!/^postgres(ql)?:\/\//.test(url)) {
        throw usageError('badOption', { flag: '--to', expected: 'postgres://…', got: redactUrl(url) });
      }
      const account = flags.account ?? config.central.account;
      if (account.trim() === '') throw usageError('noCentralAccount', {});
      const batchSize = flags.batchSize === undefined ? config.central.batchSize : Number(flags.batchSize);
      if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 50_000) {
        throw usageError('badOption', {
          flag: '--batch-size',
          expected: 'a whole number 1–50000',
          got: String(flags.batchSize),
        });
      }
      if (isPostgresUrl(config.db)) {
        throw usageError('badOption', {
          flag: '--db',
          expected:
            config.locale === 'en' ? 'the local SQLite spool' : '本机的 SQLite 文件（机器人记录的库）',
          got: redactUrl(config.db),
        });
      }
      const store = new Store(config.db, { mustExist: true });
      try {
        const result = await shipRound(store, url, {
          account,
          batchSize,
          pull: flags.pull,
          onBatch: (b) => log.info({ ...b }, 'ship: batch committed'),
        });
        out(describeShipRound(result, account, config.locale));
      } catch (error) {
        if (error instanceof CentralUnreachableError) {
          throw failure('centralUnreachable', { url: error.url, detail: error.message }, error);
        }
        if (error instanceof ShipBusyError) throw failure('shipBusy', { account }, error);
        // PostgreSQL's own refusals (rights, a missing schema, a full disk) carry a severity.
        if (error instanceof Error && 'severity' in error) {
          throw failure('centralRefused', { url: redactUrl(url), detail: error.message }, error);
        }
        throw error;
      } finally {
        store.close();
      }
    });
}
