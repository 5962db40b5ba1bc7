import { randomUUID } from 'node:crypto';
import type { Config } from '../config/schema.js';
import type { Clock } from '../deliver/clock.js';
import type { SendQueue } from '../deliver/send-queue.js';
import { errorText, type Logger, silentLogger } from '../logging/logger.js';
import type { OutboxItem } from '../store/outbox.js';
import type { Store } from '../store/store.js';
import { WeekAnalyses } from '../weeks/week-analyses.js';
import {
  type Access,
  COMMANDS,
  type ConverseContext,
  commandWord,
  findCommand,
  hasAccess,
  parseCommand,
} from './command-registry.js';
import { converseText } from './converse-text.js';
import type { MemberPrivacy } from './member-privacy.js';
import { type Reply, refuse } from './reply.js';
import { resolveRoles } from './resolve-roles.js';

export interface ConversationOptions {
  store: Store;
  config: Config;
  /** Replies go through the send queue, never straight to the puppet. */
  queue: Pick<SendQueue, 'enqueue'>;
  clock: Clock;
  /** Ids, command names and outcomes only: never the text of a message or a reply. */
  log?: Logger;
  /** The opt-out / "what is stored about me" layer; without it those commands say they are not available. */
  privacy?: MemberPrivacy;
  /** The shared week-analysis service (src/weeks/week-analyses.ts); without it, one of its own. */
  analyses?: WeekAnalyses;
}

export interface Conversation {
  /**
   * Answers one private message: parses it, resolves the sender's roles, checks access, runs the
   * handler and enqueues the reply. `messageId` (the puppet's) makes the reply's dedupe keys stable,
   * so a message replayed after a reconnect is not answered twice. Never throws for what a message
   * says: a failing handler is logged and answered with an apology.
   */
  handlePrivateMessage(contactId: string, text: string, messageId?: string): Promise<void>;
  /** The reply without sending it (null: no reply): for tests and the scripted demo. */
  respond(contactId: string, text: string): Promise<Reply | null>;
}

/** A contact who writes something that is not a command gets the hint at most this often. */
const HINT_EVERY_MS = 10 * 60_000;

/** The private-chat command layer (docs/COMMANDS.md). */
export function createConversation(options: ConversationOptions): Conversation {
  const { store, config, queue, clock, privacy } = options;
  const log = options.log ?? silentLogger;
  const text = converseText(config.locale);
  const analyses = options.analyses ?? WeekAnalyses.forStore(store, config);
  const preferences = store.preferences;
  const instance = randomUUID().slice(0, 8);
  const hinted = new Map<string, number>();
  let sequence = 0;

  async function respond(contactId: string, message: string): Promise<Reply | null> {
    const parsed = parseCommand(message);
    if (!parsed) {
      if (message.trim() === '') return null;
      const now = clock.now();
      const last = hinted.get(contactId);
      if (last !== undefined && now - last < HINT_EVERY_MS) return null;
      if (hinted.size > 10_000) hinted.clear();
      hinted.set(contactId, now);
      return { outcome: 'answered', parts: [{ kind: 'text', text: text.unknown }] };
    }
    const handler = findCommand(parsed.name);
    const roles = resolveRoles(store, config, contactId);
    const word = commandWord(parsed.name, config.locale);
    // Access first: a contact without the role gets a refusal and nothing else.
    if (!hasAccess(roles, handler.access)) {
      return refuse(text.refusedRole(word, text.role[handler.access as Exclude<Access, 'anyone'>]));
    }
    const ctx: ConverseContext = {
      store,
      config,
      clock,
      text,
      roles,
      analyses,
      preferences,
      privacy,
      word,
      available: COMMANDS.filter((command) => hasAccess(roles, command.access)),
    };
    return handler.run(ctx, parsed.args);
  }

  return {
    respond,
    async handlePrivateMessage(contactId, message, messageId) {
      const command = parseCommand(message)?.name ?? null;
      let reply: Reply | null;
      try {
        reply = await respond(contactId, message);
      } catch (error) {
        log.error({ contactId, command, err: errorText(error) }, 'command failed');
        reply = { outcome: 'answered', parts: [{ kind: 'text', text: text.failed }] };
      }
      if (!reply || reply.parts.length === 0) return;
      const key = `reply:${contactId}:${messageId ?? `${instance}:${clock.now()}:${++sequence}`}`;
      const items: OutboxItem[] = reply.parts.map((part, i) => ({
        dedupeKey: `${key}:${i + 1}`,
        recipientId: contactId,
        content:
          part.kind === 'text'
            ? { kind: 'text', text: part.text }
            : { kind: 'image', base64: part.base64, name: part.name },
        ifUncertain: 'resend',
      }));
      queue.enqueue(items);
      log.info(
        { contactId, command, outcome: reply.outcome, parts: items.length },
        'private command answered',
      );
    },
  };
}
