import type { StoredMessage } from '../../model/message.js';
import { classifyReply, type ReplyClass } from './classify-reply.js';

/**
 * The reply class of a stored message: from its text while the text is stored, else from the class
 * stored with it (storage policy and retention drop the texts of replies; docs/PRIVACY.md).
 */
export function replyClassOf(m: Pick<StoredMessage, 'text' | 'textClass'>): ReplyClass {
  if (m.text !== null) return classifyReply(m.text);
  const c = m.textClass;
  return c === 'ack' || c === 'praise' || c === 'number-off' ? c : 'other';
}
