import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { shiftWeek, weekOf } from '../../analysis/week-bounds.js';
import type { Config } from '../../config/schema.js';
import { buildOwnerDigests, type OwnerDigest } from '../../recommend/build-owner-digests.js';
import { Store } from '../../store/store.js';
import type { CliContext } from '../cli-context.js';

interface DigestFlags {
  week?: string;
  owner?: string;
  dryRun?: boolean;
  format: string;
  charts?: string;
}

/** How many were queued, and lines for the operator (e.g. owners no configured channel reaches). */
export interface QueueOutcome {
  queued: number;
  notes: string[];
}

export interface DigestCommandHooks {
  /**
   * Queues the digests for sending (and records the recommendations each carries); returns how many
   * were queued. Without it the command can only do --dry-run.
   */
  queueDigests?: (
    store: Store,
    config: Config,
    digests: OwnerDigest[],
  ) => Promise<number | QueueOutcome> | number | QueueOutcome;
}

/** `qingqun digest`: renders each owner's weekly digest; --dry-run prints instead of queueing. */
export function registerDigestCommand(
  program: Command,
  context: () => CliContext,
  hooks: DigestCommandHooks = {},
): void {
  program
    .command('digest')
    .description(
      "each owner's weekly digest: the week in numbers, recommendations with evidence and savings, a chart",
    )
    .option('--week <week>', 'ISO week, e.g. 2026-W47 (default: last week)')
    .option('--owner <id>', "only this owner's digest")
    .option('--dry-run', 'print what would be sent instead of queueing it')
    .option('--format <format>', 'text or json (with --dry-run)', 'text')
    .option('--charts <dir>', 'also write each chart as <dir>/<week>-<owner>.png')
    .action(async (flags: DigestFlags) => {
      const { config, out } = context();
      if (!['text', 'json'].includes(flags.format)) {
        throw new RangeError(`--format: expected text or json, got "${flags.format}"`);
      }
      if (!flags.dryRun && !hooks.queueDigests) {
        throw new RangeError('digest: sending is not available in this build; use --dry-run');
      }
      const week = flags.week ?? shiftWeek(weekOf(Date.now(), config.timezone), -1, config.timezone);
      const store = new Store(config.db);
      try {
        const digests = buildOwnerDigests(store, config, week, { ownerId: flags.owner });
        if (flags.owner !== undefined && digests.length === 0) {
          throw new RangeError(`--owner: "${flags.owner}" owns no group in ${config.db}`);
        }
        const paths = new Map<string, string>();
        if (flags.charts !== undefined) {
          mkdirSync(flags.charts, { recursive: true });
          for (const d of digests) {
            const path = join(flags.charts, `${week}-${d.ownerId.replace(/[^\w.@-]/g, '_')}.png`);
            writeFileSync(path, d.chartPng);
            paths.set(d.ownerId, path);
          }
        }
        if (!flags.dryRun && hooks.queueDigests) {
          const outcome = await hooks.queueDigests(store, config, digests);
          const { queued, notes } = typeof outcome === 'number' ? { queued: outcome, notes: [] } : outcome;
          out(`queued ${queued} digests for ${week}`);
          for (const note of notes) out(note);
          return;
        }
        if (flags.format === 'json') {
          const list = digests.map((d) => ({
            ownerId: d.ownerId,
            ownerName: d.ownerName,
            week: d.week,
            parts: d.parts,
            recommendationIds: d.recommendationIds,
            chart: { bytes: d.chartPng.length, path: paths.get(d.ownerId) ?? null },
          }));
          out(JSON.stringify(list, null, 2));
          return;
        }
        for (const d of digests) {
          const chart = paths.get(d.ownerId) ?? `${Math.round(d.chartPng.length / 1024)} KB PNG`;
          out(`=== ${d.ownerName} (${d.ownerId}) · ${d.parts.length} part(s) · chart: ${chart}`);
          for (const part of d.parts) out(`${part}\n---`);
        }
      } finally {
        store.close();
      }
    });
}
