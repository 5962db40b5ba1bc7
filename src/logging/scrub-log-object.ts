import { scrubLogText } from './scrub-log-text.js';

/** Keys whose values are secrets or message content: replaced whole, at any depth. */
const SECRET_KEY = /token|secret|password|passwd|authorization|cookie|api[-_]?key/i;
const CONTENT_KEY = /^(?:text|content|payload|body|description|title)$/i;
const MAX_DEPTH = 6;
const MAX_ITEMS = 100;

/**
 * A copy of a log record that is safe to write: secrets and message content removed by key, phone
 * numbers and tokens masked in every string (scrubLogText), errors reduced to their scrubbed message.
 * Bounded: deeper than MAX_DEPTH or longer than MAX_ITEMS is cut, so a hostile object cannot stall it.
 */
export function scrubLogObject(value: Record<string, unknown>): Record<string, unknown> {
  return scrub(value, 0) as Record<string, unknown>;
}

function scrub(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return scrubLogText(value);
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH) return '[cut]';
  if (value instanceof Error) {
    return { type: value.name, message: scrubLogText(value.message) };
  }
  if (Array.isArray(value)) return value.slice(0, MAX_ITEMS).map((v) => scrub(v, depth + 1));
  const out: Record<string, unknown> = {};
  let n = 0;
  for (const [key, v] of Object.entries(value)) {
    if (n++ >= MAX_ITEMS) break;
    out[key] = SECRET_KEY.test(key) || CONTENT_KEY.test(key) ? '[redacted]' : scrub(v, depth + 1);
  }
  return out;
}
