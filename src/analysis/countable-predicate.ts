import type { StoredMessage } from '../model/message.js';

/**
 * Which messages of a week can count as a person's reply or post: not system lines, not recall
 * notices, not messages that were later recalled (a 'recalled' message's text is the recalled
 * message's id within its source), not 拍一拍 ("X 拍了拍 Y", which some sources store as text).
 */
const PAT = /拍了拍/;

export function countablePredicate(messages: readonly StoredMessage[]): (m: StoredMessage) => boolean {
  // Recalled id → the sources it was recalled in (ids are unique per source only).
  const recalled = new Map<string, string[]>();
  for (const m of messages) {
    if (m.type !== 'recalled' || !m.text) continue;
    const sources = recalled.get(m.text);
    if (sources) sources.push(m.source);
    else recalled.set(m.text, [m.source]);
  }
  const isRecalled =
    recalled.size === 0 ? () => false : (m: StoredMessage) => recalled.get(m.id)?.includes(m.source) === true;
  return (m) => {
    if (m.type === 'system' || m.type === 'recalled') return false;
    if (isRecalled(m)) return false;
    // Without its text, a message keeps the class it was stored with ('pat').
    if (m.text === null) return m.textClass !== 'pat';
    return !PAT.test(m.text.length > 100 ? m.text.slice(0, 100) : m.text);
  };
}

const countable = new WeakMap<readonly StoredMessage[], { length: number; messages: StoredMessage[] }>();

/**
 * The messages that pass `countablePredicate`, in order. Five detectors walk them, so they are
 * picked once per week: the answer is kept for as long as `messages` lives. Contract: a week's
 * messages are not changed once detectors read them (a changed length is noticed and recomputed).
 */
export function countableMessages(messages: readonly StoredMessage[]): readonly StoredMessage[] {
  const known = countable.get(messages);
  if (known && known.length === messages.length) return known.messages;
  const isCountable = countablePredicate(messages);
  const picked = messages.filter(isCountable);
  countable.set(messages, { length: messages.length, messages: picked });
  return picked;
}
