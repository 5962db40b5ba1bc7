/**
 * fast-check text generators for the duplicate-notice tests: any UTF-16 (lone surrogates included),
 * and texts assembled from the pieces the normaliser treats specially.
 */
import fc from 'fast-check';

const PIECES = [
  '【转发】',
  '转：',
  '【重要通知】',
  '@所有人',
  '@张三\u2005',
  '[强]',
  '[玫瑰]',
  '👨‍👩‍👧',
  '👍🏻',
  '\u200d',
  '\ufe0f',
  '１２３',
  'ＡＢＣ',
  '關於檢查',
  '关于检查',
  '11月25日',
  '下午三点',
  '星期三',
  '第3周',
  '16:00',
  '，',
  '。',
  '\n',
  ' ',
  '#接龙',
  '𠀀𪚥',
  'https://mp.weixin.qq.com/s?__biz=X&mid=1&utm_source=a',
];

/** Any sequence of UTF-16 code units. */
export const utf16Text = (maxLength = 200) =>
  fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength }).map((units) => String.fromCharCode(...units));

/** Texts made of special pieces and random CJK characters. */
export const pieceText = (maxPieces = 40) =>
  fc
    .array(
      fc.oneof(
        fc.constantFrom(...PIECES),
        fc.integer({ min: 0x4e00, max: 0x9fff }).map((cp) => String.fromCodePoint(cp)),
      ),
      { maxLength: maxPieces },
    )
    .map((parts) => parts.join(''));

export const anyText = () => fc.oneof(utf16Text(), pieceText());
