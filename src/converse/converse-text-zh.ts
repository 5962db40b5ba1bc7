/** What the bot says in private chat, in Chinese (the default). converse-text-en.ts mirrors it. */
import type { RecommendationKind } from '../recommend/recommendation.js';

const pct = (part: number, whole: number) => `${Math.round((part / whole) * 100)}%`;

export const CONVERSE_TEXT_ZH = {
  listSep: '、',
  /** Names of the roles, as a refusal says who may use a command. */
  role: { member: '工作群成员', owner: '群主', supervisor: '督查人员' },
  refusedRole: (word: string, role: string) =>
    `抱歉，“${word}”只对${role}开放，您目前不能使用。发“帮助”可查看您能用的命令。`,
  refusedOthers: (word: string) => `抱歉，“${word}”只能查看您自己的内容，不能查看别人的。`,
  unknown: '没有看懂这条消息。发“帮助”查看可用的命令。',
  failed: '抱歉，暂时无法处理，请稍后再试。',
  unavailable: '抱歉，这项功能暂未开通。',
  badNumbers: (word: string) => `请在“${word}”后面写编号，例如“${word} 1”。`,
  helpHead: '【清群】可以私聊我这些命令：',
  help: {
    help: '帮助 — 显示本说明',
    groups: '我的群 — 您所在的群，以及每个群的通知有多少也在您的其他群收到',
    'mute-suggestions': '静音建议 — 哪些群可以放心设为免打扰（每条通知都在您保留的群里收到过）',
    mute: '静音 编号 — 记下您已静音的群（编号见“我的群”）',
    unmute: '取消静音 编号 — 不再把这个群算作静音',
    subscribe: '订阅 — 每天把静音群里独有的通知和@您的消息整理发给您',
    unsubscribe: '退订 — 不再接收每日摘要',
    optout: '退出记录 — 从现在起只统计您的消息条数，不保存内容',
    optin: '恢复记录 — 撤销“退出记录”',
    mydata: '我的数据 — 查看保存了您的哪些数据',
    digest: '周报 — 立即发给您上周的群主周报',
    accept: '采纳 编号 — 采纳周报里的第几条建议',
    dismiss: '忽略 编号 — 忽略周报里的第几条建议',
    audit: '审计 — 上周的督查汇总（只有汇总数字）',
  },
  helpFoot:
    '也可以用英文：help、groups、mute、subscribe、unsubscribe、optout、optin、mydata、digest、accept 1、dismiss 1、audit。',
  // 我的群
  groupsHead: (count: number, first: string, last: string) =>
    `【我的群】您在 ${count} 个工作群（统计 ${first} 至 ${last}）：`,
  noGroups: '我在工作群里还没有见到您，没有可以显示的群。',
  groupLine: (no: number, name: string, tags: string[]) =>
    `${no}. ${name}${tags.length > 0 ? `（${tags.join('，')}）` : ''}`,
  tagOwned: '您是群主',
  tagMuted: '已静音',
  groupNotices: (notices: number, elsewhere: number) =>
    notices === 0
      ? '   这几周没有通知'
      : `   通知 ${notices} 条，其中 ${elsewhere} 条（${pct(elsewhere, notices)}）也在您的其他群收到`,
  groupHidden: '   成员不足 5 人，不显示数字',
  groupsFoot: '发“静音建议”看看哪些群可以放心设为免打扰。',
  groupsLimit: (count: number, limit: number) =>
    count > limit
      ? `您在 ${count} 个工作群，超过每人 ${limit} 个的上限 ${count - limit} 个。`
      : `您在 ${count} 个工作群，未超过每人 ${limit} 个的上限。`,
  // 静音建议
  suggestHead: (count: number, first: string, last: string) =>
    `【静音建议】${first} 至 ${last}，下面 ${count} 个群的每一条通知也都发到了您保留的群，可以放心设为“消息免打扰”：`,
  noSuggestions: (first: string, last: string) =>
    `${first} 至 ${last}，您其余的群都有只在本群出现的通知（或由您担任群主），暂时没有可以放心静音的群。`,
  suggestLine: (no: number, name: string) => `${no}. ${name}`,
  suggestCovered: (notices: number, names: string[]) =>
    notices === 0
      ? '   这几周没有通知'
      : `   ${notices} 条通知全部也在${names.map((n) => `“${n}”`).join('、')}${names.length > 1 ? '等群' : ''}收到`,
  suggestHidden: '   成员不足 5 人，不显示数字；每条通知都在您保留的群收到过',
  suggestLeftOut: (unsafe: number, owned: number, muted: number, advisedKeep = 0) =>
    [
      unsafe > 0 ? `另有 ${unsafe} 个群有只在本群出现的通知，不建议静音` : '',
      advisedKeep > 0
        ? `${advisedKeep} 个群是本周整改建议要保留的群（合并、归档后通知都集中到那里），不建议静音`
        : '',
      owned > 0 ? `您担任群主的 ${owned} 个群不在建议之列` : '',
      muted > 0 ? `已静音 ${muted} 个群` : '',
    ]
      .filter(Boolean)
      .join('；'),
  suggestFoot: (at: string) =>
    `在微信里把这些群设为免打扰后，回复“静音 编号”记下；或直接回复“订阅”，按以上建议全部记下，我会每天${at}把静音群里只在那里出现的通知和@您的消息整理发给您。`,
  // 静音 / 取消静音
  muted: (names: string[]) => `已记下静音：${names.join('、')}。`,
  mutedWarn: (names: string[]) =>
    `请注意：${names.join('、')} 有只在本群出现的通知（或由您担任群主），静音后请留意每日摘要。`,
  mutedFoot: '回复“订阅”，每天收到静音群里独有通知和@您的消息的摘要。',
  unmuted: (names: string[]) => `已取消静音：${names.join('、')}。`,
  notMuted: '这些群没有记为静音。',
  noSuchGroup: (numbers: number[]) => `没有第 ${numbers.join('、')} 个群。请先发“我的群”查看编号。`,
  // 订阅 / 退订
  subscribed: (at: string, muted: number) =>
    `已订阅每日摘要：每天${at}把您静音的 ${muted} 个群里只在那里出现的通知和@您的消息发给您（没有新内容的日子不打扰您）。回复“退订”即可停止。`,
  subscribedNoMuted: (at: string) =>
    `已订阅每日摘要（每天${at.trimEnd()}）。您还没有记下静音的群，发“静音建议”看看哪些群可以静音。`,
  adopted: (names: string[]) => `已按静音建议记下 ${names.length} 个静音群：${names.join('、')}。`,
  alreadySubscribed: '您已经订阅了每日摘要。',
  unsubscribed: '已退订每日摘要。',
  notSubscribed: '您没有订阅每日摘要。',
  // 退出记录 / 恢复记录 / 我的数据
  optedOut: '已记下：从现在起，您在群里的消息只按条数统计，不再保存内容。回复“恢复记录”可以撤销。',
  alreadyOptedOut: '您已经退出记录：您的消息只按条数统计。',
  optedIn: '已恢复记录。发“我的数据”可以随时查看保存了什么。',
  notOptedOut: '您没有退出记录，无需恢复。',
  mydataHead: '【我的数据】这是我保存的关于您的全部内容：',
  mydataContact: (name: string, unit: string | null) => `· 联系人：${name}${unit ? `（${unit}）` : ''}`,
  mydataNoContact: '· 我没有保存您的联系人信息',
  mydataStatus: (since: string | null) =>
    since === null ? '· 记录方式：正常记录' : `· 记录方式：${since} 起已退出记录，只统计条数`,
  mydataGroups: (groups: number) => `· 您所在的工作群：${groups} 个`,
  mydataMessages: (total: number, withText: number, first: string | null, last: string | null) =>
    total === 0
      ? '· 您发的消息：没有保存'
      : `· 您发的消息：${total} 条（其中 ${withText} 条保存了内容），${first} 至 ${last}`,
  mydataSettings: (muted: number, subscribed: boolean) =>
    `· 您的设置：记为静音的群 ${muted} 个；每日摘要${subscribed ? '已订阅' : '未订阅'}`,
  mydataRetention: (textDays: number, recordDays: number) =>
    `消息内容保存 ${textDays} 天，条数和指纹保存 ${recordDays} 天；只有您本人能看到这些。回复“退出记录”可以不再保存您的消息内容。`,
  // 周报 / 采纳 / 忽略
  noDigest: (week: string) => `${week} 没有您担任群主的群的记录，没有周报可发。`,
  // 周报 / 审计 WEEK outside what is stored (src/converse/command-args.ts)
  weekNotYet: (week: string, current: string) =>
    `${week} 还没有到，没有内容可看。本周是 ${current}，请选 ${current} 或更早的周，例如“周报”（上周）。`,
  weekBeforeRecords: (week: string, first: string | null) =>
    first === null
      ? '还没有任何记录，暂时没有内容可看。'
      : `${week} 早于最早的记录（${first}），没有内容可看。请选 ${first} 或以后的周。`,
  kind: {
    merge: '合并群',
    archive: '解散或归档群',
    'dedupe-notices': '同一通知只发一次',
    'replace-rollcall': '用已读回执或表单代替接龙和“收到”',
    'curb-likes': '减少点赞刷屏',
    'stop-photo-proof': '不再要求拍照留痕',
    'quiet-hours': '下班后少发通知',
    'avoid-rush': '给足办理时间',
  } satisfies Record<RecommendationKind, string>,
  accepted: (no: number, kind: string, groups: string) =>
    `已采纳第 ${no} 条建议：${kind}（${groups}）。谢谢！`,
  dismissed: (no: number, kind: string, groups: string, weeks: number) =>
    `已忽略第 ${no} 条建议：${kind}（${groups}）。${weeks} 周内不再提醒，情况明显加重时除外。`,
  noSuchRecommendation: (ref: string) => `没有找到您可以处理的建议“${ref}”。编号以您最近收到的一份周报为准。`,
  // 审计
  noAudit: (week: string) => `${week} 没有可以汇总的记录。`,
  // 每日摘要
  dailyHead: (day: string, groups: number) => `【清群每日摘要】${day}，您静音的 ${groups} 个群：`,
  dailyCounts: (notices: number, mentions: number, covered: number) =>
    `只在这些群出现的通知 ${notices} 条，@您的消息 ${mentions} 条${covered > 0 ? `（另有 ${covered} 条通知也发到了您保留的群，已略去）` : ''}。`,
  dailyEntry: (no: number, groups: string, time: string, sender: string, text: string) =>
    `${no}. 【${groups}】${time} ${sender}：${text}`,
  dailyMention: '（@了您）',
  dailyMore: (n: number) => `……另有 ${n} 条，请到群里查看。`,
  dailyFoot: '回复“退订”停止接收。',
  notKept: '（内容未保存）',
  fileLabel: '[文件] ',
  linkLabel: '[链接] ',
  someone: '某成员',
  /** "每天{dailyAt}把…": the configured daily-digest time, when the cron expression names one. */
  dailyAt: (hhmm: string | null) => (hhmm === null ? '定时' : ` ${hhmm} `),
  dateTime: "M'月'd'日' HH:mm",
  date: "M'月'd'日'",
  luxonLocale: 'zh-CN',
};

export type ConverseText = typeof CONVERSE_TEXT_ZH;
