/**
 * Short replies: acknowledgements (收到 and its many forms), praise (点赞) for a leader's showcase,
 * substantive replies that look similar in timing but carry content, and the lone 好的/收到 of an
 * ordinary exchange. `{addr}` is replaced by a form of address such as 王书记, `{c}` by a community.
 * Every reply stays under 20 characters so that, repeated across groups, it never reads as a notice.
 */

/** Replies whose only content is "received". */
export const ACKS = [
  '收到',
  '收到',
  '收到',
  '收到！',
  '已收到',
  '收到[OK]',
  '好的收到',
  '收到，马上落实',
  '1',
  '👌',
  '[OK]',
  '已阅',
  '知悉',
  '明白',
  '收到👌',
  '收到[抱拳]',
  '收到，立即落实',
  '明白，马上安排',
  '收到收到',
  '收到，谢谢',
  '好的',
  'OK',
];

/**
 * Acknowledgements that promise what was asked, as cadres write them (issue 12): a time, a manner or
 * a deed after the 收到, or the commitment alone when it says how.
 */
export const COMMITMENTS = [
  '收到，今天下班前报送',
  '收到，17:00前报送',
  '收到，准时参会',
  '会准时参加',
  '准时参会',
  '已提交，请查收',
  '收到，马上核实',
  '收到，立即组织排查',
  '收到，明天上午报送',
  '好的，按时完成',
];

/** The separator WeChat puts between a quote and the reply (「name：quoted」, then this line). */
const QUOTE_LINE = '- - - - - - - - - - - - - - -';

/**
 * How one cadre acknowledges: mostly a bare form; sometimes with who they are in front (西湖社区收到,
 * 东湖社区李娜收到, 网格员李娜收到) or a commitment after; sometimes as a quote reply (引用回复) of the
 * message it answers, in WeChat's or WeCom's rendering. `quoted`: the answered message's sender name
 * and text, when it has text; `bare`: the plain form drawn for this reply.
 */
export function ackReply(
  rng: { chance(p: number): boolean; pick<T>(items: readonly T[]): T },
  who: { name: string; unit: string; role: string },
  quoted: { name: string; text: string } | null,
  bare: string,
): string {
  if (quoted && rng.chance(0.12)) {
    return rng.chance(0.7)
      ? `「${quoted.name}：${quoted.text}」\n${QUOTE_LINE}\n${bare}`
      : `这是一条引用/回复消息：\n“${quoted.name}：\n${quoted.text}”\n------\n${bare}`;
  }
  if (rng.chance(0.12)) return rng.pick(COMMITMENTS);
  if (rng.chance(0.12)) {
    if (who.role === 'grid' && rng.chance(0.5)) return `网格员${who.name}收到`;
    if (who.role !== 'leader') return rng.chance(0.5) ? `${who.unit}收到` : `${who.unit}${who.name}收到`;
  }
  return bare;
}

/** Replies whose only content is praise. */
export const PRAISE = [
  '[强]',
  '👍👍',
  '[玫瑰]',
  '[鼓掌]',
  '赞！',
  '点赞',
  '领导辛苦了[玫瑰]',
  '学习了[强]',
  '👍',
  '[强][强][强]',
  '辛苦了[玫瑰][玫瑰]',
  '为{addr}点赞👍',
  '{addr}辛苦了！',
  '[鼓掌][鼓掌][鼓掌]',
  '赞赞赞',
  '向{addr}学习[强]',
  '👏👏👏',
  '学习了',
  '[玫瑰][玫瑰][玫瑰]',
  '领导辛苦！[强]',
];

/** Replies to a showcase that carry content (follow-up, a fact, a question): never like-spam. */
export const SUBSTANTIVE_TO_SHOWCASE = [
  '{addr}，{c}那几处隐患明天去复查',
  '{addr}，那户的暖气片周四来修',
  '{c}的路灯已经安排人修了',
  '{addr}，下周回访要出几个人？',
  '这篇区融媒体也转了',
  '{addr}，慰问名单晚上发您',
  '{c}还有两户周末补上',
];

/** Substantive messages that interrupt an acknowledgement or photo flood. */
export const FLOOD_INTERJECTIONS = [
  '附件在哪下载？我这打不开',
  '表格按户填还是按人填？',
  '要纸质版还是电子版？',
  '上周报过了，还要重报吗？',
  '模板是群文件里那个吗？',
  '我这边网络不好，晚点补上',
  '东西在办公室，回去再弄',
];

/** An ordinary exchange answered by a lone acknowledgement (not a flood); all under 20 characters. */
export const LONE_EXCHANGES: readonly [string, string][] = [
  ['{addr}，材料放你桌上了', '好的'],
  ['{addr}，下午调试下投影', '好的'],
  ['{addr}，车钥匙在门卫', '收到'],
  ['{addr}，台账第二页再核一下', '好的，我核一下'],
  ['{addr}，下午电话会你替我参加', '好的'],
  ['{addr}，报销单签好了', '收到'],
  ['{addr}，明天七点半出发', '好的'],
];

/** WeChat's "pat" system line: "张伟" 拍了拍 "李娜". */
export function patText(from: string, to: string): string {
  return `"${from}" 拍了拍 "${to}"`;
}

export function joinText(inviter: string, invitee: string): string {
  return `"${inviter}"邀请"${invitee}"加入了群聊`;
}

export function renameText(who: string, name: string): string {
  return `"${who}"修改群名为"${name}"`;
}
