import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { loadWeeklyOwnerDigests } from '../../app/weekly-deliveries.js';
import { redactDbUrl } from '../../config/db-target.js';
import type { Config } from '../../config/schema.js';
import { makeDirectory, PRIVATE_FILE_MODE } from '../../platform/private-files.js';
import { openStoreReads, type StoreReads } from '../../store/contract.js';
import type { OwnerDigest } from '../../weeks/owner-digests.js';
import { WeekAnalyses } from '../../weeks/week-analyses.js';
import type { CliContext } from '../cli-context.js';
import { usageError } from '../cli-error.js';
import { choiceFlag, weekFlag } from '../flags.js';

const TEXT = {
  'zh-CN': {
    queued: (n: number, week: string, already: number) =>
      `已为 ${week} 排队 ${n} 份周报，由发送队列送出` +
      (already > 0 ? `；${already} 份此前已排队，未重复排队` : ''),
    head: (name: string, id: string, parts: number, chart: string) =>
      `=== ${name}（${id}）· ${parts} 段 · 图表：${chart}`,
    png: (kb: number) => `${kb} KB PNG`,
    noChart: '无（本周没有消息）',
  },
  en: {
    queued: (n: number, week: string, already: number) =>
      `queued ${n} digests for ${week}` +
      (already > 0 ? `; ${already} already queued before (not queued again)` : ''),
    head: (name: string, id: string, parts: number, chart: string) =>
      `=== ${name} (${id}) · ${parts} part(s) · chart: ${chart}`,
    png: (kb: number) => `${kb} KB PNG`,
    noChart: 'none (no messages this week)',
  },
};

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
   * Queues the digests for sending (and records the recommendations each carries): into the outbox
   * of a SQLite store, or the central outbox of a PostgreSQL one. Returns how many were newly queued
   * and how many the queue already held (same week and owner: not queued again).
   */
  queueDigests: (
    store: StoreReads,
    config: Config,
    digests: OwnerDigest[],
  ) => Promise<QueueOutcome> | QueueOutcome;
}

/** `qingqun digest`: renders each owner's weekly digest; --dry-run prints instead of queueing. */
export function registerDigestCommand(
  program: Command,
  context: () => CliContext,
  hooks: DigestCommandHooks,
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
      choiceFlag('--format', flags.format, ['text', 'json']);
      const week = weekFlag(flags.week, config.timezone);
      // --dry-run only reads; queueing writes the outbox. Neither creates a database. Either engine.
      const store = await openStoreReads(config.db, { writable: !flags.dryRun });
      try {
        const analyses = new WeekAnalyses(store, config);
        const digests = await loadWeeklyOwnerDigests(analyses, week, { ownerId: flags.owner });
        if (flags.owner !== undefined && digests.length === 0) {
          throw usageError('unknownOwner', { owner: flags.owner, db: redactDbUrl(config.db) });
        }
        const paths = new Map<string, string>();
        if (flags.charts !== undefined) {
          makeDirectory(flags.charts);
          for (const d of digests) {
            if (!d.chartPng) continue;
            const path = join(flags.charts, `${week}-${d.ownerId.replace(/[^\w.@-]/g, '_')}.png`);
            writeFileSync(path, d.chartPng, { mode: PRIVATE_FILE_MODE });
            paths.set(d.ownerId, path);
          }
        }
        if (!flags.dryRun) {
          const { queued, alreadyQueued = 0, notes } = await hooks.queueDigests(store, config, digests);
          out(TEXT[config.locale].queued(queued, week, alreadyQueued));
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
          const t = TEXT[config.locale];
          const chart = d.chartPng
            ? (paths.get(d.ownerId) ?? t.png(Math.round(d.chartPng.length / 1024)))
            : t.noChart;
          out(t.head(d.ownerName, d.ownerId, d.parts.length, chart));
          for (const part of d.parts) out(`${part}\n---`);
        }
      } finally {
        await store.close();
      }
    });
}
