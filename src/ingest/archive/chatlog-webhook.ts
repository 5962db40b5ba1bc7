/**
 * chatlog's webhook, so a unit can feed qingqun live from its archive tool instead of a bot account.
 * chatlog POSTs `{talker, sender, keyword, lastTime, length, messages: [chatlog messages]}` for each
 * batch of new messages matching a configured filter. Messages are stored like chatlog JSON imports
 * (source `chatlog`, id `talker#seq`), so a later export of the same chat adds nothing twice.
 *
 * The handler is HTTP-free: (parsed body, the secret the caller presented) → status and JSON body.
 * chatlog's webhook settings have no custom headers, so the secret usually travels in the URL
 * (`?secret=…`); a header works too (create-webhook-server.ts).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { type Logger, silentLogger } from '../../logging/logger.js';
import type { Store } from '../../store/store.js';
import { BatchWriteError } from '../jsonl/import-batch.js';
import { ImportProblem } from '../jsonl/import-problem.js';
import { KnownGroups } from '../jsonl/known-groups.js';
import { ArchiveSink, type OrgOverrides } from './archive-sink.js';
import { emptyFileSummary } from './archive-summary.js';
import { ArchiveTimeParser } from './archive-time.js';
import { chatlogMessageToItem } from './chatlog-message.js';
import { isRecord } from './read-context.js';
import { SyntheticIds } from './synthetic-ids.js';

export interface WebhookResult {
  status: 200 | 400 | 401 | 503;
  body: {
    ok: boolean;
    error?: string;
    received?: number;
    imported?: number;
    duplicate?: number;
    rejected?: number;
    skipped?: Record<string, number>;
    unknownTypes?: Record<string, number>;
    /** The first problems, as `webhook:N: field: problem` (N = position in `messages`, from 1). */
    problems?: string[];
  };
}

export interface WebhookOptions {
  store: Store;
  /** The shared secret chatlog must present; at least 12 characters. */
  secret: string;
  /** IANA timezone of times without an offset. Default Asia/Shanghai. */
  timezone?: string;
  org?: OrgOverrides;
  /** The exporting account's id, for its own messages that chatlog sends without a sender. */
  selfId?: string;
  /** UTC epoch ms of "now" (messages more than a day later are refused). Default Date.now. */
  now?: () => number;
  /**
   * Where rejected lines are logged, one warn record each (`problem`: where and why, never the
   * line's text). Default: nowhere; the response body also lists the first 20.
   */
  log?: Logger;
}

export const MIN_SECRET_LENGTH = 12;

const digest = (s: string) => createHash('sha256').update(s).digest();

/** Constant-time comparison (the digests have equal length whatever was presented). */
export function secretMatches(expected: string, presented: string | null | undefined): boolean {
  return typeof presented === 'string' && timingSafeEqual(digest(expected), digest(presented));
}

export function createChatlogWebhookHandler(
  options: WebhookOptions,
): (body: unknown, presentedSecret: string | null | undefined) => WebhookResult {
  if (options.secret.length < MIN_SECRET_LENGTH) {
    throw new RangeError(`webhook secret: at least ${MIN_SECRET_LENGTH} characters required`);
  }
  const log = options.log ?? silentLogger;
  const clock = new ArchiveTimeParser(options.timezone ?? 'Asia/Shanghai');
  return (body, presented) => {
    if (!secretMatches(options.secret, presented))
      return { status: 401, body: { ok: false, error: 'wrong or missing secret' } };
    if (!isRecord(body) || !Array.isArray(body.messages)) {
      return {
        status: 400,
        body: {
          ok: false,
          error: "expected chatlog's webhook body {talker, sender, keyword, lastTime, length, messages: […]}",
        },
      };
    }
    const summary = emptyFileSummary('webhook');
    const problems: string[] = [];
    const sink = new ArchiveSink(options.store, summary, {
      now: options.now?.() ?? Date.now(),
      groups: new KnownGroups(options.store),
      org: options.org ?? {},
      batchSize: 5000,
      report: (line, field, problem) => {
        const p = new ImportProblem('webhook', line, field, problem);
        if (problems.length < 20) problems.push(String(p));
        log.warn({ problem: String(p) }, 'webhook line rejected');
      },
    });
    const ids = new SyntheticIds();
    body.messages.forEach((m, i) => {
      sink.add(i + 1, chatlogMessageToItem(m, 'chatlog', clock, ids, { selfId: options.selfId }));
    });
    try {
      sink.flush();
    } catch (error) {
      if (!(error instanceof BatchWriteError)) throw error;
      return { status: 503, body: { ok: false, error: 'the database refused the write; send again later' } };
    }
    return {
      status: 200,
      body: {
        ok: summary.rejected === 0,
        received: body.messages.length,
        imported: summary.messages.imported,
        duplicate: summary.messages.duplicate,
        rejected: summary.rejected,
        skipped: summary.skipped,
        unknownTypes: summary.unknownTypes,
        problems,
      },
    };
  };
}
