/**
 * The small grammar of how cadres acknowledge, beyond the lexicon's fixed phrases:
 *
 *   reply      = [who] core [commitment]  |  [who] commitment-with-manner
 *   who        = unit+ [role] [name]  |  role [name]            西湖社区 / 东湖社区李娜 / 网格员李娜 / 3组
 *   core       = the lexicon's acknowledgements                  收到 / 好的 / 明白
 *   commitment = [subject] [object] [time] [manner…] verb… [object] [closing]
 *                                                                今天下班前报送 / 17:00前报送 / 准时参会 /
 *                                                                会准时参加 / 已提交，请查收 / 立即组织排查
 *
 * A unit is a name shape, not a list: a few characters ending in what Chinese units, places and teams
 * are called (…社区, …村, …局, …办, …所, …站, …中心, …组, …网格, 第3网格, 2组). A commitment without a
 * manner word ("17:00前报送") reads as a demand on its own and counts only after an acknowledgement;
 * with one ("准时参会", "已提交", "马上核实") it is a commitment by itself.
 * Texts reach these patterns stripped of punctuation, spaces and emoticons (classify-reply.ts), at
 * most 40 characters; every quantifier is bounded.
 */

const UNIT_SUFFIX =
  '(?:社区|居委会|村委会|领导班子|班子|专班|工作组|妇联|残联|工会|团委|城管|执法队|交警|消防|物业|村|小组|组|网格|片区|小区|街道|镇|乡|局|分局|办公室|办|所|站|中心|中队|大队|支队|队|卫生院|医院|院|学校|校|科|股|室|部|委|处|党支部|支部|公司|单位|服务部)';
const NUMBER = '[0-9一二三四五六七八九十]{1,3}';
/** A Chinese character that is no negation, request or question word (those make a reply "other"). */
const HAN = '(?:(?![没未不无别请吗呢么否谁啥哪怎什但吧])\\p{Script=Han})';
const UNIT = `(?:第?${NUMBER}${UNIT_SUFFIX}|${HAN}{0,8}?${UNIT_SUFFIX})`;
/** What cadres call themselves in a group: 网格员李娜, 书记, 联络员. */
const ROLE =
  '(?:网格员|网格长|联络员|信息员|专干|社工|村医|民警|辅警|干部|书记|副书记|主任|副主任|站长|所长|队长|组长|局长|负责人|工作人员)';
const NAME = `${HAN}{1,4}`;

/** A unit, place, team or person that prefixes a reply ("东湖社区李娜", "网格员李娜", "3组", "第三网格"). */
const WHO = new RegExp(
  `^(?:${UNIT}{1,3}(?:${ROLE})?(?:${NAME})?|${UNIT}{0,3}${NAME}${ROLE}|${ROLE}(?:${NAME})?)$`,
  'u',
);

export function isReplyPrefix(text: string): boolean {
  return text.length <= 16 && WHO.test(text);
}

const TIME =
  '(?:今天|今日|今晚|今早|明天|明日|明早|明晚|后天|本周[一二三四五六日天]?|下周[一二三四五六日天]?|周[一二三四五六日天]|星期[一二三四五六日天]|上午|下午|中午|晚上|早上|月底|年底|下班|上班|[0-9]{1,2}月[0-9]{1,2}[日号]|[0-9]{1,4}(?:点半?|时)?(?:[0-9]{1,2}分?)?)';
const BEFORE = '(?:前|之前|以前|内|之内|以内)';
/** Urging words: after an acknowledgement they promise ("收到，尽快报送"), alone they urge ("抓紧报送"). */
const URGING = '(?:尽快|抓紧|赶紧|务必)';
const MANNER =
  '(?:马上|立即|立刻|即刻|按时|准时|及时|一定|保证|确保|全力|认真|坚决|积极|按要求|随后|稍后|会|将|已经|已|正在|都)';
const VERB =
  '(?:报送|上报|报告|报|提交|上交|交|完成|办完|参会|参加|出席|到会|到场|到|落实|安排|办理|处理|核实|核查|摸排|排查|统计|反馈|填报|上传|转发|传达|通知|组织|开展|整改|准备|对接|跟进|执行|推进|部署|走访|收集|汇总|发送|发|办|配合|做好|告知|转告|转达|宣传|打印|签字|盖章|联系|入户|提醒|负责|送过去|送达|送|前往|赶到|去)';
const OBJECT =
  '(?:材料|专人|现场|报表|台账|情况|数据|名单|表格|表|照片|图片|资料|信息|人员|文件|任务|工作|到位|完毕|好|(?:至|到|给)?(?:各村|各组|各社区|各网格|各单位|群里|群内|网格群|系统|平台|邮箱|大家|村民|居民|群众))';
const SUBJECT = '(?:我们|我|本单位|我单位|我村|我社区)';
const CLOSING = '(?:请查收|请查阅|请审阅|请审核|请领导审阅|请领导审核|请领导查收)';
const TAIL = '(?:了|的|啦|哈|哦|中)?';

const COMMITMENT = new RegExp(
  `^${SUBJECT}?${OBJECT}?(?:${TIME}{1,3}${BEFORE}?)?(?:(?<manner>${MANNER})|${URGING}){0,3}(?:${VERB}{1,2}${OBJECT}?){1,3}${TAIL}${CLOSING}?$`,
  'u',
);

const DONE = /(?:完毕|到位)(?:了|的|啦|哈|哦|中)?(?:请[\p{Script=Han}]{2,4})?$/u;

export interface Commitment {
  /** Where the commitment starts in the text. */
  start: number;
  /** Whether it says how or that it is done ("准时", "马上", "已"): then it stands alone. */
  manner: boolean;
}

/** Every commitment ending the text, longest first. */
export function* commitmentsEnding(text: string): Generator<Commitment> {
  for (let start = 0; start < text.length; start++) {
    const m = COMMITMENT.exec(text.slice(start));
    // "报送完毕", "落实到位": said as done, it stands alone like a manner word.
    if (m) yield { start, manner: m.groups?.manner !== undefined || DONE.test(m[0]) };
  }
}
