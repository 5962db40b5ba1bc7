import type { Message, Room } from 'wechaty';
import type { InsertOutcome, Store } from '../../store/store.js';
import { describeRoom } from './describe-room.js';
import type { OrgFacts } from './org-facts.js';
import type { RecorderLog } from './recorder-plugin.js';
import { toMessageInput } from './to-message-input.js';

/**
 * Stores one room message together with its group (topic, owner, unit as of the message) and its
 * sender, in one transaction. Details that cannot be read (a link card, a file) are logged at debug
 * and left out; anything else throws to the caller.
 */
export async function recordMessage(
  msg: Message,
  room: Room,
  store: Store,
  options: OrgFacts & { log: RecorderLog; maxHashBytes?: number },
): Promise<InsertOutcome> {
  const { log } = options;
  const input = await toMessageInput(msg, {
    maxHashBytes: options.maxHashBytes,
    onDetailError: (detail, error) =>
      log('debug', 'message detail unavailable', { messageId: msg.id, detail, error: error.slice(0, 200) }),
  });
  if (!input) throw new Error('not a room message');
  const group = await describeRoom(room, input.time, options);
  const talker = msg.talker();
  const sender = {
    id: talker.id,
    name: talker.name() || talker.id,
    unit: options.contactUnits?.[talker.id] ?? null,
  };
  const outcome = store.transaction(() => {
    store.upsertGroup(group);
    store.upsertContact(sender);
    return store.insertMessage(input);
  });
  if (outcome === 'conflict') {
    log('warn', 'message id already stored with different content; kept the stored one', {
      messageId: msg.id,
      groupId: room.id,
    });
  }
  return outcome;
}
