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

/** How many were queued, how many were queued before, and lines for the operator (e.g. owners no configured channel reaches). */
export interface QueueOutcome {
  queued: number;
  alreadyQueued?: number;
  notes: string[];
}

export interface DigestCommandHooks {
  /**
   * Queues the digests for sending (and records the recommendations each carries); returns how many
   * were newly queued and how many the queue already held (same week and owner: not queued again).
   * Without it the command can only do --dry-run.
   */
  queueDigests?: (
    store: Store,
    config: Config,
    digests: OwnerDigest[],
  ) => Promise<QueueOutcome> | QueueOutcome;
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
            if (!d.chartPng) continue;
            const path = join(flags.charts, `${week}-${d.ownerId.replace(/[^\w.@-]/g, '_')}.png`);
            writeFileSync(path, d.chartPng);
            paths.set(d.ownerId, path);
          }
        }
        if (!flags.dryRun && hooks.queueDigests) {
          const { queued, alreadyQueued = 0, notes } = await hooks.queueDigests(store, config, digests);
          out(
            alreadyQueued === 0
              ? `queued ${queued} digests for ${week}`
              : `queued ${queued} digests for ${week}; ${alreadyQueued} already queued before (not queued again)`,
          );
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
            chart: d.chartPng ? { bytes: d.chartPng.length, path: paths.get(d.ownerId) ?? null } : null,
          }));
          out(JSON.stringify(list, null, 2));
          return;
        }
        for (const d of digests) {
          const chart = d.chartPng
            ? (paths.get(d.ownerId) ?? `${Math.round(d.chartPng.length / 1024)} KB PNG`)
            : 'none (no messages this week)';
          out(`=== ${d.ownerName} (${d.ownerId}) · ${d.parts.length} part(s) · chart: ${chart}`);
          for (const part of d.parts) out(`${part}\n---`);
        }
      } finally {
        store.close();
      }
    });
}
