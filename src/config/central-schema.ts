/**
 * Shipping this host's spool to the central PostgreSQL store (`qingqun ship`, and every
 * `central.shipEverySeconds` inside `qingqun start` / `run` when `url` is set; docs/SCALING.md,
 * "Shipping from bot hosts").
 */
import { z } from 'zod';

export const centralSchema = z
  .strictObject({
    /** postgres:// URL of the central store; empty: this host does not ship. QINGQUN_CENTRAL_URL. */
    url: z
      .string()
      .refine((url) => url === '' || /^postgres(ql)?:\/\//.test(url), 'expected a postgres:// URL or nothing')
      .default(''),
    /**
     * This host's bot account as the central store names it: the spool's name for the ship cursors,
     * who claims the groups first shipped from here, and whose central digests this host pulls.
     */
    account: z.string().default(''),
    /** Seconds between two shipping rounds inside `start` / `run`. */
    shipEverySeconds: z.number().int().positive().default(60),
    /** Rows per batch (one central transaction each). */
    batchSize: z.number().int().positive().max(50_000).default(5000),
    /**
     * The local SQLite file where `qingqun send --drain` on a postgres:// --db keeps the centrally
     * queued email / WeCom messages it has claimed, and their send states: its dedupe keys make a
     * second claim a no-op, so they go out at most once, as from any outbox (docs/RELIABILITY.md).
     * Keep it: deleting it forgets what was already sent (claimed rows are not claimed again, so
     * nothing is resent, but unsent claimed ones are lost).
     */
    sendSpool: z.string().min(1).default('data/central-send.sqlite'),
  })
  .prefault({});
