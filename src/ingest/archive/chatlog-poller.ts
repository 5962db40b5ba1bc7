/**
 * Polls chatlog's HTTP API (sjzar/chatlog, internal/chatlog/http/route.go) for new group messages,
 * so a unit can feed qingqun from its archive tool without a bot and without a webhook. Endpoints
 * read (all GET, `format=json`):
 * - `/api/v1/chatroom?format=json` → `{ items: [{ name, nickName, remark, owner, users }] }`: the
 *   group chats (`name` is the `…@chatroom` id); `limit`/`offset` page it.
 * - `/api/v1/chatlog?time=FROM~TO&talker=ID&limit=N&offset=K&format=json` → an array of messages
 *   (`seq`, `time`, `talker`, `sender`, `isChatRoom`, `type`, `subType`, `content`, `contents`), the
 *   same shape as chatlog's JSON export; `time` is a day range `YYYY-MM-DD~YYYY-MM-DD` (local days).
 * Incremental: the cursor (ingest_cursors) is the local day the last complete poll started; each
 * poll reads from the day before it (messages recorded late), so overlaps are re-read and dropped
 * as duplicates (source `chatlog`, id `talker#seq`, the same ids as the webhook and JSON imports).
 * A poll that fails part-way keeps the old cursor: the next one starts over from there.
 */
import { DateTime } from 'luxon';
import { type Logger, silentLogger } from '../../logging/logger.js';
import type { Store } from '../../store/store.js';
import { ImportProblem } from '../jsonl/import-problem.js';
import { KnownGroups } from '../jsonl/known-groups.js';
import { ArchiveSink, type OrgOverrides } from './archive-sink.js';
import { type ArchiveFileSummary, emptyFileSummary } from './archive-summary.js';
import { ArchiveTimeParser } from './archive-time.js';
import { chatlogMessageToItem } from './chatlog-message.js';
import { isRecord } from './read-context.js';
import { SyntheticIds } from './synthetic-ids.js';

export interface ChatlogPollOptions {
  store: Store;
  /** e.g. http://127.0.0.1:5030 */
  baseUrl: string;
  timezone: string;
  org?: OrgOverrides;
  /** Days of history the first poll reads. */
  firstDays: number;
  /** Messages per request. */
  pageSize?: number;
  now?: () => number;
  fetch?: typeof fetch;
  /** Where rejected lines are logged, one warn record each (`problem`: where and why, never the text). */
  log?: Logger;
}

export interface ChatlogPollResult {
  groups: number;
  received: number;
  imported: number;
  duplicate: number;
  rejected: number;
  /** The day range read. */
  from: string;
  to: string;
}

async function getJson(http: typeof fetch, url: string): Promise<unknown> {
  let response: Response;
  try {
    response = await http(url, { headers: { accept: 'application/json' } });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
    throw new Error(`chatlog API unreachable at ${new URL(url).origin} (${cause})`);
  }
  if (!response.ok) throw new Error(`chatlog API ${response.status} for ${new URL(url).pathname}`);
  return response.json();
}

/** One poll: every group chat's messages since the cursor, imported; then the cursor moves. */
export async function pollChatlog(options: ChatlogPollOptions): Promise<ChatlogPollResult> {
  const log = options.log ?? silentLogger;
  const http = options.fetch ?? fetch;
  const now = options.now?.() ?? Date.now();
  const base = options.baseUrl.replace(/\/+$/, '');
  const cursorKey = `chatlog-api:${base}`;
  const today = DateTime.fromMillis(now, { zone: options.timezone });
  const cursor = options.store.ingestState.cursor(cursorKey);
  const fromDay = cursor
    ? DateTime.fromISO(cursor, { zone: options.timezone }).minus({ days: 1 })
    : today.minus({ days: options.firstDays });
  const from = fromDay.toISODate() as string;
  const to = today.toISODate() as string;
  const pageSize = options.pageSize ?? 500;

  const rooms: string[] = [];
  for (let offset = 0; ; offset += pageSize) {
    const page = await getJson(
      http,
      `${base}/api/v1/chatroom?format=json&limit=${pageSize}&offset=${offset}`,
    );
    const items = isRecord(page) && Array.isArray(page.items) ? page.items : [];
    for (const item of items) if (isRecord(item) && typeof item.name === 'string') rooms.push(item.name);
    if (items.length < pageSize) break;
  }

  const summary: ArchiveFileSummary = emptyFileSummary(`chatlog-api ${base}`);
  const clock = new ArchiveTimeParser(options.timezone);
  const sink = new ArchiveSink(options.store, summary, {
    now,
    groups: new KnownGroups(options.store),
    org: options.org ?? {},
    batchSize: 5000,
    report: (line, field, problem) =>
      log.warn(
        { problem: String(new ImportProblem(`chatlog-api`, line, field, problem)) },
        'chatlog API line rejected',
      ),
  });
  const ids = new SyntheticIds();
  let received = 0;
  for (const room of rooms) {
    for (let offset = 0; ; offset += pageSize) {
      const query = new URLSearchParams({
        time: `${from}~${to}`,
        talker: room,
        limit: String(pageSize),
        offset: String(offset),
        format: 'json',
      });
      const page = await getJson(http, `${base}/api/v1/chatlog?${query}`);
      const messages = Array.isArray(page) ? page : [];
      messages.forEach((m, i) => {
        sink.add(received + i + 1, chatlogMessageToItem(m, 'chatlog', clock, ids));
      });
      received += messages.length;
      if (messages.length < pageSize) break;
    }
  }
  sink.flush();
  options.store.ingestState.setCursor(cursorKey, to, now);
  return {
    groups: rooms.length,
    received,
    imported: summary.messages.imported,
    duplicate: summary.messages.duplicate,
    rejected: summary.rejected,
    from,
    to,
  };
}
