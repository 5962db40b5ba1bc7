import { scrubLogText } from '../../logging/scrub-log-text.js';

/** Vocabulary-like strings (kinds, types: "room", "video") are shown; anything else may be text. */
const WORD = /^[A-Za-z0-9_.-]{1,24}$/;

/**
 * A short, safe rendering of an untrusted JSON value for a problem report: word-like strings quoted
 * (phone numbers and tokens masked, scrubLogText), other strings by length only — a misplaced field
 * can hold message text, which never reaches a report — scalars as JSON, arrays and objects by type
 * only (never serialised: a 1 MB line can nest 500,000 levels deep, which JSON.stringify cannot survive).
 */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') {
    return WORD.test(value) ? JSON.stringify(scrubLogText(value)) : `a string of ${value.length} characters`;
  }
  if (typeof value === 'number') return scrubLogText(String(value));
  if (value === null || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : typeof value;
}
