/**
 * Texts that have broken text pipelines elsewhere: emoji and ZWJ sequences, combining marks, RTL and
 * zero-width controls, lone surrogates, NUL, only whitespace, SQL- and HTML-looking text, 50,000
 * characters, and inputs built to make a backtracking regex go quadratic or worse against the
 * patterns of src/analysis (long runs of a pattern's own characters with a failing tail, repeated
 * markers, repeated partial matches). Shared by the fuzz and the catastrophic-input tests.
 */
const N = 50_000;

export const HOSTILE_TEXTS: readonly string[] = [
  '',
  ' ',
  ' \t\n\r\u3000\u00a0'.repeat(2000),
  '👨‍👩‍👧‍👦👍🏽🇨🇳❤️‍🔥'.repeat(100),
  `收到${'\u200d'.repeat(500)}👍`,
  `e${'\u0301'.repeat(N)}`,
  '\u202e收到\u202c \u200f\u200b\u2060\ufeff',
  '\ud800收到\udc00',
  'a\u0000b',
  "'; DROP TABLE messages; -- 收到",
  '<script>alert("收到")</script><img src=x onerror=1>',
  '#接龙\n'.repeat(3),
  `#接龙 周五活动\n${Array.from({ length: 2000 }, (_, i) => `${i + 1}. 张伟${i}`).join('\n')}`,
  // Catastrophic-backtracking candidates.
  `${'a'.repeat(N)}!`,
  '1.'.repeat(20_000),
  '1'.repeat(N),
  `${' '.repeat(N)}x`,
  `${'\u200b'.repeat(N)}【转`,
  '【转发】'.repeat(12_000),
  '@'.repeat(N),
  `@${'张'.repeat(N)}`,
  '[强]'.repeat(12_000),
  `[${'强'.repeat(N)}`,
  '前'.repeat(N),
  '今天'.repeat(25_000),
  '8点前'.repeat(15_000),
  '于今天17:00'.repeat(5000),
  '截止'.repeat(25_000),
  '报'.repeat(N),
  `报${'办'.repeat(N)}`,
  '立即上报，'.repeat(10_000),
  '截图发群里'.repeat(10_000),
  '请大家报数'.repeat(10_000),
  '十一月二十五日'.repeat(7000),
  '第三周'.repeat(15_000),
  '下午三点'.repeat(12_000),
  `https://${'a'.repeat(N)} x`,
  `${'https://a.cn/'.repeat(4000)}`,
  '收到'.repeat(25_000),
  '拍了拍'.repeat(15_000),
  `puppet_padlocal_${'a'.repeat(N)}`,
  '13800138000'.repeat(4000),
  `小王，${'材'.repeat(N)}`,
  `${'?'.repeat(N)}`,
];
