/**
 * The vocabulary of content-free replies in Chinese work groups. Phrases are matched on text that
 * has been NFKC-normalised, lower-cased and stripped of punctuation, whitespace and emoticons.
 * Add a phrase here when a labelled case shows it; keep every entry at most MAX_PHRASE characters.
 */
export type PhraseClass = 'ack' | 'praise' | 'filler' | 'title' | 'preposition' | 'greeting' | 'closing';

const ACK = [
  '收到',
  '已收到',
  '收到了',
  '收悉',
  '已收悉',
  '好的',
  '好滴',
  '好嘞',
  '好哒',
  '好',
  '明白',
  '明白了',
  '已明白',
  '知道了',
  '知悉',
  '已知悉',
  '已阅',
  '已读',
  '知晓',
  '已知晓',
  '获悉',
  '已获悉',
  '阅',
  '了解',
  '已了解',
  '照办',
  '落实',
  '遵照执行',
  '遵命',
  '是',
  'ok',
  'okay',
];

/**
 * Commitments ("马上落实") are acknowledgements too: every adverb × verb pair below. Urging adverbs
 * (尽快, 抓紧) are left to the grammar (replies.ts): alone, "抓紧报送" urges.
 */
const COMMIT_ADVERBS = [
  '马上',
  '立即',
  '立刻',
  '按时',
  '坚决',
  '一定',
  '积极',
  '及时',
  '全力',
  '按要求',
  '认真',
  '会',
  '将',
  '已',
];
const COMMIT_VERBS = [
  '落实',
  '贯彻落实',
  '落实到位',
  '办理',
  '执行',
  '办',
  '报送',
  '上报',
  '反馈',
  '提交',
  '完成',
  '处理',
  '安排',
  '转发',
  '传达',
  '通知',
  '推进',
  '部署',
  '整改',
  '准备',
  '参加',
  '参会',
];

const PRAISE = [
  '赞',
  '点赞',
  '大赞',
  '超赞',
  '好赞',
  '赞赞',
  '点个赞',
  '为你点赞',
  '棒',
  '真棒',
  '很棒',
  '好棒',
  '太棒了',
  '棒棒哒',
  '厉害',
  '真厉害',
  '太厉害了',
  '优秀',
  '真优秀',
  '辛苦了',
  '辛苦',
  '辛苦啦',
  '学习了',
  '学习',
  '认真学习',
  '好好学习',
  '值得学习',
  '受教了',
  '受教',
  '受益匪浅',
  '写得好',
  '写的好',
  '写得真好',
  '写得太好了',
  '讲得好',
  '讲得真好',
  '说得好',
  '总结得好',
  '好文',
  '好文章',
  '精彩',
  '太精彩了',
  '佩服',
  '榜样',
  '给力',
  '威武',
  '牛',
  '加油',
  '支持',
  '致敬',
  '了不起',
  '好样的',
  '漂亮',
  '真好',
  '太好了',
  '干得好',
  '干得漂亮',
];

/** Words that may surround an acknowledgement or praise without changing what it is. */
const FILLER = [
  '谢谢',
  '感谢',
  '多谢',
  '谢',
  '嗯',
  '嗯嗯',
  '哦',
  '噢',
  '啦',
  '了',
  '的',
  '哈',
  '呀',
  '放心',
  '请放心',
  '各位',
  '大家',
  '您',
  '你',
  '们',
  '都',
  '也',
  '真是',
  '实在',
  '非常',
  '真的',
];

/** Forms of address: a short unknown word right before one is a name ("黎委员", "王书记"). */
const TITLES = [
  '领导',
  '各位领导',
  '老师',
  '书记',
  '副书记',
  '主任',
  '副主任',
  '局长',
  '部长',
  '县长',
  '市长',
  '区长',
  '镇长',
  '副镇长',
  '乡长',
  '科长',
  '处长',
  '所长',
  '站长',
  '队长',
  '院长',
  '校长',
  '主席',
  '委员',
  '组长',
  '经理',
  '总',
  '同志',
];

/** Prepositions before a name: "向小张学习", "为黎委员点赞". */
const PREPOSITIONS = ['向', '为', '给', '跟'];

/**
 * Greetings end in 好 but acknowledge nothing ("大家好", "各位领导好"); a title or a form of address
 * followed by 好 ("王书记好") is one too (replies.ts).
 */
const GREETINGS = [
  '大家好',
  '各位好',
  '大家早',
  '早上好',
  '上午好',
  '中午好',
  '下午好',
  '晚上好',
  '早安',
  '午安',
  '晚安',
  '您好',
  '你好',
  '你们好',
  '领导好',
  '各位领导好',
  '老师好',
  '新年好',
  '新年快乐',
  '节日快乐',
];

/** What closes a report of work done ("已提交，请查收"); alone, or after anything else, it is a request. */
const CLOSINGS = ['请查收', '请查阅', '请审阅', '请审核', '请领导审阅', '请领导审核', '请领导查收'];

export const MAX_PHRASE = 8;

function build(): Map<string, PhraseClass> {
  const map = new Map<string, PhraseClass>();
  for (const w of FILLER) map.set(w, 'filler');
  for (const w of TITLES) map.set(w, 'title');
  for (const w of PREPOSITIONS) map.set(w, 'preposition');
  for (const w of GREETINGS) map.set(w, 'greeting');
  for (const w of CLOSINGS) map.set(w, 'closing');
  for (const w of PRAISE) map.set(w, 'praise');
  // A bare verb is a statement ("茶水准备好了"), not a commitment: only adverb + verb pairs count.
  for (const v of COMMIT_VERBS) for (const a of COMMIT_ADVERBS) map.set(a + v, 'ack');
  for (const w of ACK) map.set(w, 'ack');
  return map;
}

export const PHRASES: ReadonlyMap<string, PhraseClass> = build();

/** Bracket emoticon codes (lower-case) and emoji that carry meaning; any other emoticon is decoration. */
export const ACK_EMOTICONS: ReadonlySet<string> = new Set([
  'ok',
  '好的',
  '收到',
  '👌',
  '✅',
  '☑',
  '✔',
  '🆗',
  '🫡',
  '✓',
]);
export const PRAISE_EMOTICONS: ReadonlySet<string> = new Set([
  '强',
  '赞',
  '666',
  '加油',
  '加油加油',
  '玫瑰',
  '鼓掌',
  '爱心',
  '心',
  '烟花',
  '庆祝',
  'thumbsup',
  'rose',
  'applause',
  '👍',
  '🌹',
  '👏',
  '❤',
  '💯',
  '💪',
  '🎉',
  '🌸',
  '💐',
  '🥇',
  '🏆',
  '🔥',
]);
