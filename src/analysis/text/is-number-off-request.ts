import { toNfkc } from './to-nfkc.js';
import { toSimplified } from './to-simplified.js';

/**
 * Whether a text asks the group to number off or join a roll-call ("请大家报数", "请依次回复序号",
 * "请在群里接龙报名"). "收到请回复1" asks for an acknowledgement, not a number-off, and is not one.
 * Contract: one scan of bounded patterns, at most the first 500 characters read.
 */
const REQUEST =
  /报数|报个数|请[^，。！\n]{0,10}接龙|接龙报名|接龙统计|依次回复|依次接龙|依次报|回复序号|按序号|按顺序回复|按顺序报|顺序接龙/;
const LOOK_AHEAD = 500;

export function isNumberOffRequest(text: string | null): boolean {
  if (text === null) return false;
  return REQUEST.test(toSimplified(toNfkc(text.slice(0, LOOK_AHEAD))));
}
