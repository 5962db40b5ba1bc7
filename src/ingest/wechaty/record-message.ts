import type { Message, Room } from 'wechaty';
import type { Logger } from '../../logging/logger.js';
import type { Contact } from '../../model/contact.js';
import type { GroupInput } from '../../model/group.js';
import type { MessageInput } from '../../model/message.js';
import type { InsertOutcome } from '../../store/messages.js';
import { implausibleTime } from '../../store/plausible-time.js';
import type { Store } from '../../store/store.js';
import { describeRoom } from './describe-room.js';
import type { OrgFacts } from './org-facts.js';
import { toMessageInput } from './to-message-input.js';

/** A room message read from the puppet, ready to be written (the group and sender as of the message). */
export interface PreparedMessage {
  input: MessageInput;
  group: GroupInput;
  sender: Contact;
}

/** Thrown for a message whose time cannot be a chat message's (src/store/plausible-time.ts). */
export class ImplausibleTimeError extends Error {}

/**
 * Reads one room message from the puppet (its details, its room as of the message, its sender):
 * everything the write needs, so the write itself is one synchronous transaction that can be retried.
 * A time before WeChat existed or over a day after `now` is refused (ImplausibleTimeError), by the
 * rule every ingestion path shares. Details that cannot be read (a link card, a file) are logged at
 * debug and left out; anything else throws to the caller.
 */
export async function prepareMessage(
  msg: Message,
  room: Room,
  options: OrgFacts & { log: Logger; maxHashBytes?: number; now?: number },
): Promise<PreparedMessage> {
  const { log } = options;
  const input = await toMessageInput(msg, {
    maxHashBytes: options.maxHashBytes,
    log: log.child({ messageId: msg.id }),
  });
  if (!input) throw new Error('not a room message');
  const implausible = implausibleTime(input.time, options.now ?? Date.now(), { epochHints: true });
  if (implausible) throw new ImplausibleTimeError(`time: ${implausible}`);
  const group = await describeRoom(room, input.time, options);
  const talker = msg.talker();
  const sender = {
    id: talker.id,
    name: talker.name() || talker.id,
    unit: options.contactUnits?.[talker.id] ?? null,
  };
  return { input, group, sender };
}

/** Stores a prepared message together with its group and its sender, in one transaction. */
export function writeMessage(store: Store, prepared: PreparedMessage, log: Logger): InsertOutcome {
  const { input, group, sender } = prepared;
  const outcome = store.transaction(() => {
    store.groups.upsert(group);
    store.contacts.upsert(sender);
    return store.messages.insert(input);
  });
  if (outcome === 'conflict') {
    log.warn(
      { messageId: input.id, groupId: input.groupId },
      'message id already stored with different content; kept the stored one',
    );
  }
  return outcome;
}

/** Reads and stores one room message (prepareMessage, then writeMessage). */
export async function recordMessage(
  msg: Message,
  room: Room,
  store: Store,
  options: OrgFacts & { log: Logger; maxHashBytes?: number; now?: number },
): Promise<InsertOutcome> {
  return writeMessage(store, await prepareMessage(msg, room, options), options.log);
}
