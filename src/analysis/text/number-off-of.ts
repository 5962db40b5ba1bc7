import type { StoredMessage } from '../../model/message.js';
import { parseNumberOff } from './parse-number-off.js';

/**
 * The number of a number-off reply ("2.张伟" → 2): parsed from its text while stored, else the
 * number stored with it (the text of a reply is not kept; docs/PRIVACY.md). Null for anything else.
 */
export function numberOffOf(m: Pick<StoredMessage, 'text' | 'replyNumber'>): number | null {
  if (m.text !== null) return parseNumberOff(m.text)?.number ?? null;
  return m.replyNumber ?? null;
}
