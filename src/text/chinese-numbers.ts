/**
 * Numbers as notices write them, in Arabic or Chinese numerals up to 99: "16", "十六", "二十三", "两".
 */
/** The value of each Chinese digit (两 is 2; 十 is not a digit). Shared with number-signature.ts. */
export const CHINESE_DIGITS: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** "16" → 16, "十六" → 16, "二十" → 20, "三" → 3; null for anything else. */
export function readChineseNumber(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  const ten = s.indexOf('十');
  if (ten < 0) return s.length === 1 ? (CHINESE_DIGITS[s] ?? null) : null;
  const tens = ten === 0 ? 1 : (CHINESE_DIGITS[s.slice(0, ten)] ?? null);
  const rest = s.slice(ten + 1);
  const ones = rest === '' ? 0 : (CHINESE_DIGITS[rest] ?? null);
  return tens === null || ones === null || ten > 1 || rest.length > 1 ? null : tens * 10 + ones;
}
