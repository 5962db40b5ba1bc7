import { describe, expect, it } from 'vitest';
import { QUESTION_ANSWERS, SHORT_LINES } from '../../../src/ingest/simulate/chat-lines.js';
import {
  ACKS,
  FLOOD_INTERJECTIONS,
  LONE_EXCHANGES,
  PRAISE,
  SUBSTANTIVE_TO_SHOWCASE,
} from '../../../src/ingest/simulate/reply-pools.js';

/** The longest forms of address and community names the organisation produces. */
const fill = (s: string) => s.replace('{addr}', '欧阳书记').replace('{c}', '翠竹社区');
const letters = (s: string) => [...s].filter((ch) => /[\p{L}\p{N}]/u.test(ch)).length;

describe('reply and chat pools', () => {
  it.each([
    ['short chat lines', SHORT_LINES],
    ['question/answer turns', QUESTION_ANSWERS.flat()],
    ['substantive replies to showcases', SUBSTANTIVE_TO_SHOWCASE],
    ['interjections in floods', FLOOD_INTERJECTIONS],
    ['lone exchanges', LONE_EXCHANGES.flat()],
  ])('keeps %s under 20 letters, so repeating them never makes a notice', (_name, lines) => {
    for (const line of lines) expect(letters(fill(line)), line).toBeLessThan(20);
  });

  it('never lets ordinary chat ask for photos, a roll-call, a same-day report or acknowledgements', () => {
    const chat = [
      ...SHORT_LINES,
      ...QUESTION_ANSWERS.flat(),
      ...SUBSTANTIVE_TO_SHOWCASE,
      ...FLOOD_INTERJECTIONS,
    ];
    for (const line of chat) {
      expect(line).not.toMatch(/照片|截图|打卡|接龙|报数|下班前|小时内|今天.*前|收到|@所有人/);
      expect(ACKS).not.toContain(line);
      expect(PRAISE).not.toContain(line);
    }
  });

  it('keeps acknowledgements and praise short and free of substance', () => {
    for (const ack of ACKS) expect(ack.length).toBeLessThanOrEqual(8);
    for (const praise of PRAISE) expect(fill(praise).length).toBeLessThanOrEqual(12);
  });
});
