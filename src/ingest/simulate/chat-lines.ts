/**
 * Ordinary conversation in work groups. Lines are short (most under 20 characters) and never consist
 * only of an acknowledgement or praise, never ask for photos, a roll-call or a same-day report: those
 * are planted on purpose elsewhere, with ground truth. Longer lines carry numbers and names so two of
 * them never read as the same notice.
 */
import type { Prng } from './prng.js';

export const SHORT_LINES = [
  '下午的会改到三楼了吗？',
  '系统又登不上了，有人遇到吗',
  '今天谁去区里拿文件？',
  '明天几点出发？',
  '车安排好了吗',
  '这个数据按户统计还是按人？',
  '表格第三列怎么填',
  '打印机又卡纸了',
  '会议室钥匙在谁那里',
  '今天食堂几点开饭',
  '区里的检查组到哪了？',
  '新的模板发一下',
  '上周的会议纪要谁整理的',
  '下雨了，外出的同志注意安全',
  '这个事情找谁对接？',
  '周末加班的登记一下',
  '晚上还要开会吗',
  '快递到了，放前台了',
  '哪位有区民政局的电话',
  '公章在党政办',
  '楼下停车位满了',
  '今天风大，路上慢点',
  '盖章要走流程吗',
  '那份材料还要改吗',
  '电梯在维修，走楼梯吧',
  '有谁知道OA密码怎么重置',
  '明天上午我请半天假',
  '网格系统今天能用了',
  '又要填表了吗',
  '这个口径跟上次不一样',
  '等区里的正式通知吧',
  '我去现场看一下',
  '人已经到了',
  '路上堵车，晚到十分钟',
  '材料放你桌上了',
  '谁有充电线借一下',
  '今天的简报发了吗',
  '那户人家联系上了',
  '电话一直没人接',
  '我明天再去一趟',
  '村口那段路在修',
  '垃圾车今天来了吗',
  '会场布置好了',
  '横幅挂歪了，再调一下',
  '签到表谁拿着',
  '茶水准备好了',
  '今天下午我在东湖那边，有事打电话',
  '区里的通知还没下来',
  '明天上午的车已经订好了',
  '系统今天恢复了，可以登录了',
  '会议材料已经印好了',
  '我在路上，马上到',
];

export const QUESTION_ANSWERS: readonly string[][] = [
  ['明天的会在几楼？', '三楼小会议室', '谢谢'],
  ['区里的表格模板在哪？', '群文件里有，上周三传的'],
  ['下周的培训要带电脑吗？', '要带，现场要操作系统'],
  ['公车今天谁在用？', '城建办借走了，下午还回来'],
  ['那个低保户的材料齐了吗？', '还差一份收入证明', '让他这周补上'],
  ['社保系统今天能登吗？', '上午还不行，下午恢复了'],
  ['{addr}，下午你在办公室吗？', '在的，过来吧'],
  ['会议纪要需要几位领导签字？', '分管领导和主要领导都要签'],
  ['上次那个信访件回复了没有', '昨天回复了，当事人也没意见'],
  ['消防演练定在哪天？', '还没定，等应急办通知'],
  ['今年的考核表跟去年一样吗？', '多了两项，我发你新版'],
  ['{c}的路灯修好了没有', '换了灯头，现在亮了'],
  ['下午的会改到三楼了吗？', '对，三楼小会议室'],
  ['今天谁去区里拿文件？', '我下午顺路去拿', '谢谢'],
  ['会议室钥匙在谁那里', '在门卫那边'],
  ['这个事情找谁对接？', '直接找综治办'],
  ['系统又登不上了，有人遇到吗', '我这边也是，估计在维护'],
  ['那份材料还要改吗', '改好了，在共享盘里'],
  ['盖章要走流程吗', '找分管领导签字就行'],
  ['有谁知道OA密码怎么重置', '找信息员重置'],
  ['区里的检查组到哪了？', '刚到东边路口'],
  ['晚上还要开会吗', '暂时没通知'],
  ['哪位有区民政局的电话', '稍等我找一下', '发你私信了'],
  ['{addr}，车辆登记表你那有吗', '有，马上发你'],
  ['这个数据按户统计还是按人？', '按户统计'],
  ['{c}的台账齐了吗', '还差两本，明天补'],
  ['新的模板发一下', '群文件里有'],
];

/** Longer lines with slots ({c} community, {addr}, {name}) and plausible ranges for {n} and {m}. */
const LONG_TEMPLATES: readonly [string, [number, number], [number, number]][] = [
  ['{addr}，{c}的低保复核还差{n}户，下周{m}号前能弄完', [2, 15], [1, 28]],
  ['{c}今天的义诊来了{n}个老人，血压偏高的有{m}个', [15, 80], [2, 14]],
  ['{c}今天入户走访了{n}户，还剩{m}户周末补上', [8, 45], [1, 12]],
  ['{addr}，材料我改了{n}处，重新发你邮箱了，麻烦再看一下', [2, 12], [0, 0]],
  ['刚才区里来电话，说第{n}批项目的评审往后推了{m}天', [2, 9], [2, 10]],
  ['{c}那边的路灯坏了{n}盏，已经报给城建办了', [2, 9], [0, 0]],
  ['今天调解了{n}起邻里纠纷，有{m}起还要再跟进', [2, 8], [1, 3]],
  ['{c}新登记的出租房有{n}间，明天去核一下信息', [3, 40], [0, 0]],
  ['这个月的台账一共{n}页，我放在党政办第{m}个柜子里', [20, 160], [1, 6]],
  ['{name}家的情况我问过了，家里{n}口人，{m}个在外打工', [3, 7], [1, 3]],
  ['{c}志愿者这周参加活动的有{n}人次，比上周多{m}个', [12, 90], [2, 15]],
  ['今天检查了{n}家沿街店铺，灭火器过期的有{m}家', [10, 60], [1, 9]],
  ['{addr}，车辆登记表上第{n}行的车牌号写错了', [2, 40], [0, 0]],
  ['{c}那个工地今天来了{n}台车，扬尘有点大', [3, 25], [0, 0]],
];

/**
 * A longer line with fresh numbers, or null when none is left. `used` holds template+numbers keys for
 * the week: two lines of one template always differ in their numbers, never only in a name. A town
 * uses each template at most twice a week (`town` keys the count).
 */
export function longLine(
  rng: Prng,
  slots: { c: string; addr: string; name: string },
  used: Set<string>,
  town: number,
): string | null {
  for (let tries = 0; tries < 6; tries++) {
    const template = rng.int(0, LONG_TEMPLATES.length - 1);
    const [pattern, [n0, n1], [m0, m1]] = LONG_TEMPLATES[template] as (typeof LONG_TEMPLATES)[number];
    const text = pattern
      .replace('{c}', slots.c)
      .replace('{addr}', slots.addr)
      .replace('{name}', slots.name)
      .replace('{n}', String(rng.int(n0, n1)))
      .replace('{m}', String(rng.int(m0, m1)));
    const key = `chat|${template}|${text.match(/\d+/g)?.join(',')}`;
    const perTown = [`chat|${town}|${template}|a`, `chat|${town}|${template}|b`].find((k) => !used.has(k));
    if (used.has(key) || !perTown) continue;
    used.add(key);
    used.add(perTown);
    return text;
  }
  return null;
}
