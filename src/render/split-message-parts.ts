/**
 * Splits a long text into message parts of at most `max` UTF-16 units (so at most `max` characters
 * however they are counted): whole paragraphs (blank-line separated) where they fit, else whole
 * lines, and only a line longer than a part is cut, between code points. With more than one part
 * each starts with a "(i/n) " marker, counted in the limit. Parts never start or end with a blank line.
 */
const MARKER_ROOM = 12;

function cutLine(line: string, max: number): string[] {
  const out: string[] = [];
  let current = '';
  for (const ch of line) {
    if (current.length + ch.length > max) {
      out.push(current);
      current = '';
    }
    current += ch;
  }
  if (current !== '') out.push(current);
  return out;
}

function pack(pieces: readonly string[], separator: string, max: number, out: string[]): void {
  let current = '';
  for (const piece of pieces) {
    const joined = current === '' ? piece : `${current}${separator}${piece}`;
    if (joined.length <= max) {
      current = joined;
      continue;
    }
    if (current !== '') out.push(current);
    current = '';
    if (piece.length <= max) current = piece;
    else if (separator === '\n\n') pack(piece.split('\n'), '\n', max, out);
    else out.push(...cutLine(piece, max));
  }
  if (current !== '') out.push(current);
}

export function splitMessageParts(text: string, max: number): string[] {
  const trimmed = text.replace(/^\n+|\n+$/g, '');
  if (trimmed.length <= max) return trimmed === '' ? [] : [trimmed];
  const paragraphs = trimmed.split(/\n{2,}/);
  const parts: string[] = [];
  pack(paragraphs, '\n\n', max - MARKER_ROOM, parts);
  const clean = parts.map((p) => p.replace(/^\n+|\n+$/g, '')).filter((p) => p !== '');
  return clean.map((p, i) => `(${i + 1}/${clean.length}) ${p}`);
}
