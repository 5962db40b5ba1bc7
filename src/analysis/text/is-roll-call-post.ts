/**
 * Whether a text is a post of a WeChat "#接龙" roll-call (header line plus a numbered list). Such
 * posts re-send a growing list and are counted as roll-calls, never as notices.
 * Contract: only the start of the text is read (full-width ＃, traditional 接龍, leading blank lines
 * and one @mention line are tolerated), so the cost does not depend on the text's length.
 */
const HEADER = /^[#＃][ \t\u3000]{0,3}接[龙龍]/;
const LOOK_AHEAD = 200;

export function isRollCallPost(text: string | null): boolean {
  if (text === null) return false;
  let lines = 0;
  let start = 0;
  while (start < text.length && start < LOOK_AHEAD && lines < 3) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 || nl > start + LOOK_AHEAD ? Math.min(text.length, start + LOOK_AHEAD) : nl;
    const line = text.slice(start, end).trim();
    if (line !== '') {
      if (HEADER.test(line)) return true;
      if (!line.startsWith('@')) return false;
      lines++;
    }
    if (nl < 0) return false;
    start = nl + 1;
  }
  return false;
}
