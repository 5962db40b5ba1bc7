/**
 * Removes what forwarding adds to a notice without changing its substance: leading forwarding and
 * urgency tags (【转发】, 转：, 转发：, 【重要通知】, 【通知】, 再次提醒：…), @所有人 and other @mentions, and WeChat
 * bracket emoticons such as [强] or [OK]. The result keeps punctuation and line breaks, so it can also
 * be shown to people (excerpts).
 *
 * Every pattern is anchored or bounded (no nested quantifiers), so any input is linear to scan.
 */

/** One leading tag (simplified or traditional), optionally after whitespace, zero-width characters or emoji. */
const LEADING_TAG =
  /^(?:[\s\u200b-\u200d\u2060\ufeff]|\p{Extended_Pictographic}|\ufe0f)*(?:【(?:[转轉][发發载載]?|重要通知|[紧緊]急通知|重要提醒|再次提醒|通知|[紧緊]急|重要|提醒|[温溫]馨提示|[扩擴]散)】|[[［][转轉][发發载載]?[\]］]|(?:[转轉][发發载載]?|再次提醒)[ \t]*[:：]|[@＠]所有人)/u;

/** Leading tags stack ("【转发】【重要通知】@所有人 …"); a handful is plenty, and it bounds the loop. */
const MAX_LEADING_TAGS = 8;

const MENTION_ALL = /[@＠]所有人/g;
/**
 * A mention ends where WeChat puts its separator (U+2005) or any whitespace, or at the end. An @ right
 * after a letter, digit or dot is an e-mail address (xbzb797@163.com), not a mention.
 */
const MENTION = /(?<![A-Za-z0-9._%+-])[@＠][^\s@＠\u2005]{1,24}(?:[\s\u2005]|$)/g;
/** WeChat's own emoticons are bracketed names: [强] [玫瑰] [捂脸] [OK] [Facepalm]. */
const EMOTICON = /[[［](?:[\u4e00-\u9fff]{1,4}|[A-Za-z]{1,10})[\]］]/g;

export function stripForwardingMarks(text: string): string {
  let out = text;
  for (let i = 0; i < MAX_LEADING_TAGS; i++) {
    const match = LEADING_TAG.exec(out);
    if (match === null) break;
    out = out.slice(match[0].length);
  }
  if (out.includes('@') || out.includes('＠')) out = out.replace(MENTION_ALL, '').replace(MENTION, ' ');
  if (out.includes('[') || out.includes('［')) out = out.replace(EMOTICON, '');
  return out;
}
