import type { StoredMessage } from '../../model/message.js';
import { isAddressedRemark } from './is-addressed-remark.js';

const QUESTION = /[?？]/;

/**
 * Whether a short message asks a question or is a remark to one person ("小王，材料放你桌上了"):
 * from its text while stored, else from its stored class. Such messages open no reply flood.
 */
export function isQuestionOrRemark(m: Pick<StoredMessage, 'text' | 'textClass'>): boolean {
  if (m.text !== null) return QUESTION.test(m.text) || isAddressedRemark(m.text);
  return m.textClass === 'question' || m.textClass === 'addressed';
}
