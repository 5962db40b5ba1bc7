/**
 * @所有人 detection. WeChat has no mention-all flag that every source carries: real puppets put the
 * pseudo-id `notify@all` into a message's mentionIdList, exports and the mock only keep the text, where
 * WeChat writes "@所有人" (or "@All" in English clients) followed by the mention separator U+2005.
 */
export const MENTION_ALL_ID = 'notify@all';

// "@所有人" anywhere except as the start of a longer word such as "@所有人员"; "@all" only as a whole
// token (not inside an address like "a@all.cn", not "@allen") followed by U+2005, whitespace or the end.
// No nested or overlapping quantifiers: linear on any input.
const MENTION_ALL_TEXT = /@所有人(?!员)|(?:^|[^A-Za-z0-9_.+\-@])@all(?=[\s\u2005]|$)/i;

/** True when the text or the raw mention id list addresses everyone in the group. */
export function detectMentionAll(
  text: string | null | undefined,
  mentionIds: readonly string[] | null | undefined = [],
): boolean {
  if (mentionIds?.includes(MENTION_ALL_ID)) return true;
  return typeof text === 'string' && text.length > 0 && MENTION_ALL_TEXT.test(text);
}
