/**
 * A folder where a unit drops its archive exports (WeCom archive, chatlog, WeChatMsg, PyWxDump,
 * ChatLab, JSON Lines, rosters): each scan imports every file that is new or changed since it was
 * last imported, once. A file is "changed" when its size or mtime moved and its SHA-256 differs
 * (a touched but identical file is not imported again; re-importing would add nothing anyway, since
 * every importer is idempotent by message id). A file still being copied (modified within the
 * settle time) waits for the next scan. The importer's summary and its first problems are kept
 * per file in the store (watched_files.report), so `qingqun run`'s health shows what went wrong.
 * Polling, not fs.watch: inotify misses files on network shares, where such folders usually live.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Store } from '../../store/store.js';
import type { OrgOverrides } from './archive-sink.js';
import { importArchive } from './import-archive.js';

const IMPORTABLE = /\.(jsonl?|csv|ya?ml|txt)$/i;
const MAX_PROBLEMS = 100;

export interface WatchScanOptions {
  store: Store;
  dir: string;
  timezone: string;
  org?: OrgOverrides;
  /** A file modified less than this long ago is left for the next scan. */
  settleMs: number;
  now?: () => number;
}

export interface WatchedImport {
  file: string;
  messagesImported: number;
  rejected: number;
  problems: string[];
}

async function sha256(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** One scan of the folder (not recursive; hidden files skipped), oldest file first. */
export async function scanWatchedFolder(options: WatchScanOptions): Promise<WatchedImport[]> {
  const now = options.now?.() ?? Date.now();
  const names = (await readdir(options.dir)).filter((n) => !n.startsWith('.') && IMPORTABLE.test(n));
  const files: { path: string; size: number; mtime: number }[] = [];
  for (const name of names) {
    const path = join(options.dir, name);
    const s = await stat(path).catch(() => null);
    if (!s?.isFile()) continue;
    files.push({ path, size: s.size, mtime: Math.floor(s.mtimeMs) });
  }
  files.sort((a, b) => a.mtime - b.mtime || a.path.localeCompare(b.path));
  const done: WatchedImport[] = [];
  for (const f of files) {
    if (now - f.mtime < options.settleMs) continue;
    const before = options.store.ingestState.watchedFile(f.path);
    if (before && before.size === f.size && before.mtime === f.mtime) continue;
    const hash = await sha256(f.path);
    if (before && before.sha256 === hash) {
      options.store.ingestState.saveWatchedFile({ ...before, size: f.size, mtime: f.mtime });
      continue;
    }
    const problems: string[] = [];
    let report: Record<string, unknown>;
    let result: WatchedImport;
    try {
      const summary = await importArchive(options.store, [f.path], {
        timezone: options.timezone,
        org: options.org,
        now,
        onProblem: (p) => {
          if (problems.length < MAX_PROBLEMS) problems.push(String(p));
        },
      });
      const file = summary.files[0];
      report = { format: file?.format ?? null, ...countsOf(summary), problems };
      result = {
        file: f.path,
        messagesImported: summary.messages.imported,
        rejected: summary.rejected,
        problems,
      };
    } catch (error) {
      const problem = `import failed: ${(error as Error).message}`;
      report = { format: null, failed: problem, problems };
      result = { file: f.path, messagesImported: 0, rejected: 0, problems: [...problems, problem] };
    }
    options.store.ingestState.saveWatchedFile({
      path: f.path,
      size: f.size,
      mtime: f.mtime,
      sha256: hash,
      importedAt: now,
      report: JSON.stringify(report),
    });
    done.push(result);
  }
  return done;
}

function countsOf(s: Awaited<ReturnType<typeof importArchive>>) {
  return {
    groups: s.groups,
    contacts: s.contacts,
    messages: s.messages,
    rejected: s.rejected,
    unreadable: s.unreadable,
  };
}
