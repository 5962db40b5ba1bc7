import type { Hono } from 'hono';
import type { Logger } from '../logging/logger.js';
import type { Store } from '../store/store.js';
import type { Conversation } from './create-conversation.js';
import {
  readCallbackMessage,
  verifyCallbackUrl,
  WecomCallbackError,
  type WecomCrypto,
} from './wecom-callback.js';

export const WECOM_CALLBACK_PATH = '/wecom/callback';

/**
 * The contact a WeCom user id belongs to: the one whose `wecomUserId` it is, else a contact with that
 * very id (WeCom archive imports use user ids as contact ids; the address is then remembered).
 */
export function contactForWecomUser(store: Store, userId: string): string | undefined {
  const known = store.contacts.byWecomUserId(userId);
  if (known) return known;
  if (store.contacts.find(userId)) {
    store.contacts.setAddresses(userId, { wecomUserId: userId });
    return userId;
  }
  return undefined;
}

/**
 * Mounts the callback on `app`: GET verifies the URL, POST receives a message and hands a text
 * message to `conversation` (whose queue sends replies on the WeCom channel). Answers at once; the
 * command runs afterwards, so WeCom's 5-second limit never triggers its retries.
 */
export function mountWecomCallback(
  app: Hono,
  options: { crypto: WecomCrypto; store: Store; conversation: Conversation; log: Logger },
): void {
  const { crypto, store, conversation, log } = options;
  const fail = (error: unknown) => {
    if (error instanceof WecomCallbackError) {
      log.warn({ err: error.message }, 'wecom callback refused');
      return { text: error.message, status: error.status as 400 | 401 | 500 };
    }
    throw error;
  };
  app.get(WECOM_CALLBACK_PATH, (c) => {
    try {
      return c.text(verifyCallbackUrl(crypto, c.req.query()));
    } catch (error) {
      const f = fail(error);
      return c.text(f.text, f.status);
    }
  });
  app.post(WECOM_CALLBACK_PATH, async (c) => {
    let incoming: ReturnType<typeof readCallbackMessage>;
    try {
      incoming = readCallbackMessage(crypto, c.req.query(), await c.req.text());
    } catch (error) {
      const f = fail(error);
      return c.text(f.text, f.status);
    }
    if (incoming.msgType === 'text' && incoming.content.trim() !== '') {
      const contactId = contactForWecomUser(store, incoming.fromUserId);
      if (contactId === undefined) {
        log.warn(
          { wecomUserId: incoming.fromUserId },
          'wecom callback: message from an unknown user ignored',
        );
      } else {
        const messageId = incoming.msgId ? `wecom:${incoming.msgId}` : undefined;
        void conversation
          .handlePrivateMessage(contactId, incoming.content, messageId)
          .catch((error) => log.error({ err: (error as Error).message }, 'wecom callback: command failed'));
      }
    }
    return c.text('');
  });
}
