import type { Contact, Message, Room, WechatyPlugin } from 'wechaty';
import { errorText, type Logger } from '../../logging/logger.js';
import type { InsertOutcome } from '../../store/messages.js';
import type { Store } from '../../store/store.js';
import { OrderedWriter, type OrderedWriterOptions } from './ordered-writer.js';
import type { OrgFacts } from './org-facts.js';
import { ImplausibleTimeError, prepareMessage } from './record-message.js';
import { recordRoomEvent } from './record-room-event.js';
import { snapshotAllRooms } from './snapshot-all-rooms.js';

/** What became of one 'message' event: the store's outcome, 'skipped' (1:1 chat) or 'failed'. */
export type HandledOutcome = InsertOutcome | 'skipped' | 'failed';

export interface RecorderOptions extends OrgFacts {
  store: Store;
  /** Records hold ids, counts and shortened error messages, never message text (src/logging/logger.ts). */
  log: Logger;
  /** Observation time for snapshots (UTC epoch ms). Message times always come from the message. */
  clock?: () => number;
  /** Called for 1:1 messages from others (commands, a later issue). Its failures are logged. */
  onPrivateMessage?: (msg: Message) => void | Promise<void>;
  /** Called once per 'message' event after it was handled, whatever the outcome. */
  onMessageHandled?: (messageId: string, outcome: HandledOutcome) => void;
  /** Cap for hashing file content (bytes). */
  maxHashBytes?: number;
  /** How messages wait for a locked database (src/ingest/wechaty/ordered-writer.ts). */
  writer?: OrderedWriterOptions;
  /**
   * Where the bot's 'error' events go instead of one warn log line each (a puppet that cannot
   * connect emits the same error many times a second; the live bot deduplicates them).
   */
  onError?: (error: unknown) => void;
}

/** The plugin, plus a way to wait for the work its event handlers still have in flight. */
export interface Recorder extends WechatyPlugin {
  /** Resolves when no handler is running (call before closing the store, or before reading it). */
  idle(): Promise<void>;
}

/**
 * The Wechaty recorder: stores every room message of every type, room join/leave/topic events and
 * member snapshots at login/ready and after each room event. No handler failure reaches Wechaty
 * (an unhandled 'error' event would end the process): each is caught and logged with ids only.
 * Replayed 'message' events are harmless: storing a message is idempotent. Messages are written in
 * the order they arrived, and a locked database holds them in memory, retried, instead of losing them
 * (OrderedWriter, docs/RELIABILITY.md).
 */
export function recorderPlugin(options: RecorderOptions): Recorder {
  const { store, log } = options;
  const clock = options.clock ?? Date.now;
  const writer = new OrderedWriter(store, log, options.writer);
  const inFlight = new Set<Promise<void>>();
  const track =
    <A extends unknown[]>(fn: (...args: A) => Promise<void>) =>
    (...args: A): Promise<void> => {
      const task = fn(...args).finally(() => inFlight.delete(task));
      inFlight.add(task);
      return task;
    };
  const plugin = (bot: Parameters<WechatyPlugin>[0]) => {
    // One commit per message: checkpoints would otherwise land on whichever message crosses the
    // WAL's threshold (the p99 of recording). Stopped on uninstall and by store.close().
    const stopCheckpoints = store.maintenance.checkpointInBackground();
    // Room event handlers take the room first; their failures are logged with its id.
    const guard =
      <A extends unknown[]>(what: string, fn: (...args: A) => Promise<void>) =>
      async (...args: A) => {
        try {
          await fn(...args);
        } catch (error) {
          const roomId = (args[0] as { id?: unknown } | undefined)?.id;
          log.error(
            { ...(typeof roomId === 'string' ? { roomId } : {}), error: errorText(error) },
            `${what} failed`,
          );
        }
      };

    const onMessage = async (msg: Message) => {
      let outcome: HandledOutcome = 'failed';
      try {
        const room = msg.room();
        if (room) {
          const prepared = prepareMessage(msg, room, options);
          outcome = await writer.submit(msg.id, prepared);
        } else {
          outcome = 'skipped';
          // The bot's own 1:1 sends come back as messages too; only others' are commands.
          if (!msg.self()) await options.onPrivateMessage?.(msg);
        }
      } catch (error) {
        if (error instanceof ImplausibleTimeError) {
          log.warn({ messageId: msg.id, error: errorText(error) }, 'message not stored: implausible time');
          return;
        }
        const what =
          outcome === 'skipped' ? 'handling a private message failed' : 'recording a message failed';
        log.error({ messageId: msg.id, error: errorText(error) }, what);
      } finally {
        options.onMessageHandled?.(msg.id, outcome);
      }
    };

    const snapshotAll = guard('member snapshot', async (trigger: string) => {
      const summary = await snapshotAllRooms(bot, store, clock, options);
      const level = summary.failedRoomIds.length > 0 ? 'warn' : 'info';
      log[level](
        { trigger, rooms: summary.rooms, changed: summary.changed, failedRoomIds: summary.failedRoomIds },
        'member snapshot taken',
      );
    });

    const listeners = {
      error:
        options.onError ??
        ((error: unknown) => log.warn({ error: errorText(error) }, 'wechaty reported an error')),
      message: onMessage,
      login: () => snapshotAll('login'),
      ready: () => snapshotAll('ready'),
      'room-join': guard(
        'recording a room join',
        (room: Room, invitees: Contact[], inviter: Contact, date?: Date) =>
          recordRoomEvent(
            bot,
            store,
            room,
            { kind: 'join', date, rows: invitees.map(by(inviter)) },
            clock,
            options,
          ),
      ),
      'room-leave': guard(
        'recording a room leave',
        (room: Room, leavers: Contact[], remover?: Contact, date?: Date) =>
          recordRoomEvent(
            bot,
            store,
            room,
            { kind: 'leave', date, rows: leavers.map(by(remover)) },
            clock,
            options,
          ),
      ),
      'room-topic': guard(
        'recording a topic change',
        (room: Room, topic: string, oldTopic: string, changer: Contact, date?: Date) => {
          const rows = [{ actorId: changer.id, detail: JSON.stringify({ from: oldTopic, to: topic }) }];
          return recordRoomEvent(bot, store, room, { kind: 'topic', date, rows, topic }, clock, options);
        },
      ),
    } as const;
    const installed = Object.entries(listeners).map(([event, listener]) => {
      const tracked = event === 'error' ? listener : track(listener as (...args: unknown[]) => Promise<void>);
      bot.on(event as 'message', tracked as never);
      return [event, tracked] as const;
    });
    return () => {
      for (const [event, listener] of installed) bot.off(event as 'message', listener as never);
      stopCheckpoints();
    };
  };
  return Object.assign(plugin, {
    async idle() {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
  });
}

/** Event rows for the people concerned, with who caused it (if known) as detail. */
function by(causer: Contact | undefined) {
  return (c: Contact) => ({ actorId: c.id, detail: causer ? JSON.stringify({ by: causer.id }) : null });
}
