/**
 * Whether a text is a post of a WeChat "#接龙" roll-call (header line plus a numbered list). Such
 * posts re-send a growing list and are counted as roll-calls, never as notices.
 */
const HEADER = /^\s*#\s*接龙/;

export function isRollCallPost(text: string | null): boolean {
  return text !== null && HEADER.test(text);
}
