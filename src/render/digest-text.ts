/** The user-facing words of the owner digest and its chart, per locale. */
import { DateTime } from 'luxon';

type Fig = Record<string, number>;
const n = (f: Fig, key: string) => f[key] ?? 0;
const pct = (share: number) => `${Math.round(share * 100)}%`;
const num = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(1));

export const DIGEST_TEXT = {
  'zh-CN': {
    title: (week: string, first: string, last: string) => `【清群周报】${week}（${first}—${last}）`,
    hello: (name: string, groups: number) => `${name}您好：以下是您担任群主的 ${groups} 个工作群上周的情况。`,
    day: (iso: string) => DateTime.fromISO(iso).toFormat("M'月'd'日'"),
    numbersHead: '■ 一周数字',
    totals: (messages: string, off: string, atAll: string) =>
      `消息 ${messages}；非工作时间 ${off}；@所有人 ${atAll}`,
    count: (x: number, unit: 'msg' | 'times') => `${x} ${unit === 'msg' ? '条' : '次'}`,
    was: (now: string, before: string) => `${now}（上周 ${before}）`,
    burden: (b: Fig) =>
      `重复通知 ${n(b, 'duplicates')} 条；接龙 ${n(b, 'rollCalls')} 次；“收到”刷屏 ${n(b, 'ackFloods')} 次；点赞刷屏 ${n(b, 'likeSpam')} 次；拍照留痕要求 ${n(b, 'photoProof')} 次；当天急要 ${n(b, 'rushed')} 次`,
    group: (name: string, members: number, messages: string, off: string, atAll: number) =>
      `· ${name}（${members} 人）：消息 ${messages}，非工作时间 ${off}，@所有人 ${atAll} 次`,
    zombie: (name: string, members: number) => `· ${name}（${members} 人）：长期无人发言`,
    hiddenGroup: (name: string, min: number) => `· ${name}：成员不足 ${min} 人，不显示数字`,
    recsHead: (count: number) => `■ 建议（共 ${count} 条，按每周预计节省的时间排序，调整发送时间的放在最后）`,
    othersHead: '其他建议：',
    noRecs: '■ 建议\n本周没有新的建议。',
    item: (no: number, reason: string) => `${no}. ${reason}`,
    evidence: (text: string) => `   依据：${text}`,
    dates: (days: string) => `日期：${days}`,
    example: (quotes: string) => `例：${quotes}`,
    quote: (text: string) => `「${text}」`,
    listSep: '、',
    clauseSep: '；',
    saves: (perMember: number, minutes: number) =>
      `   预计：每人每周少收 ${num(perMember)} 条，合计每周约 ${Math.round(minutes)} 分钟`,
    movesQuiet: (perMember: number, minutes: number) =>
      `   预计：每人每周约 ${num(perMember)} 条消息移回工作时间（合计约 ${Math.round(minutes)} 分钟的下班后阅读）`,
    savesRush: (minutes: number) => `   预计：少打乱大家的安排，合计每周约 ${Math.round(minutes)} 分钟`,
    savesZombie: (members: number) => `   预计：${members} 名成员的群列表少一个群`,
    howTo: (first: number, weeks: number) =>
      `回复“采纳 ${first}”采纳第 ${first} 条建议，回复“忽略 ${first}”忽略（${weeks} 周内不再提醒，情况明显加重时除外）。`,
    acceptedHead: '■ 已采纳、仍在跟进',
    accepted: (reason: string) => `· ${reason}`,
    note: '说明：本周报只统计群的汇总数据，不对个人排名。本周图表见附图。',
    chartTitle: (week: string) => `${week} 每日消息`,
    chartMessages: '消息数',
    chartDuplicates: '重复通知',
    chartOffHours: '非工作时间占比',
    evidenceOf: {
      merge: (f: Fig) =>
        f.jaccard === undefined
          ? `${n(f, 'groups')} 个群共 ${n(f, 'members')} 人，${n(f, 'sharedNotices')} 条通知重复，多送达 ${n(f, 'redundantCopies')} 人次`
          : `成员重合 ${pct(n(f, 'jaccard'))}（${n(f, 'sharedMembers')} 人同在两群），${n(f, 'sharedNotices')} 条通知两群都发，多送达 ${n(f, 'redundantCopies')} 人次`,
      zombie: (f: Fig, last: string | null) =>
        last === null
          ? `成员 ${n(f, 'members')} 人，从未有人发言`
          : `成员 ${n(f, 'members')} 人，最后发言在 ${last}`,
      relay: (f: Fig) =>
        `本周 ${n(f, 'notices')} 条通知，${n(f, 'coverage') >= 0.995 ? '全体成员' : `每条至少 ${pct(n(f, 'coverage'))} 的成员`}都在其他群收到了同样的通知${n(f, 'acks') > 0 ? `；随后“收到” ${n(f, 'acks')} 条` : ''}`,
      dedupe: (f: Fig) =>
        `${n(f, 'groups')} 个群共 ${n(f, 'members')} 人，您转发的 ${n(f, 'notices')} 条通知多送达 ${n(f, 'redundantCopies')} 人次`,
      rollCall: (f: Fig) =>
        [
          n(f, 'posts') > 0 ? `接龙 ${n(f, 'posts')} 条（重复转发名单 ${n(f, 'linesReposted')} 行）` : '',
          n(f, 'acks') > 0 ? `“收到”回复 ${n(f, 'acks')} 条` : '',
        ]
          .filter(Boolean)
          .join('，'),
      likes: (f: Fig) => `点赞回复 ${n(f, 'praise')} 条，其中 ${n(f, 'afterLeader')} 次在领导发布后`,
      photo: (f: Fig) => `要求 ${n(f, 'demands')} 次，收到图片 ${n(f, 'images')} 张`,
      quiet: (f: Fig) =>
        `非工作时间消息 ${n(f, 'offHoursMessages')} 条（共 ${n(f, 'messages')} 条），其中通知 ${n(f, 'offHoursNotices')} 条`,
      rush: (f: Fig) =>
        `当天急要 ${n(f, 'rushed')} 次，最短只给 ${num(n(f, 'minHoursGiven'))} 小时，${n(f, 'offHours')} 次在非工作时间发出`,
    },
  },
  en: {
    title: (week: string, first: string, last: string) =>
      `qingqun weekly digest ${week} (${first} – ${last})`,
    hello: (name: string, groups: number) =>
      `Hello ${name}, here is last week in the ${groups} work group${groups === 1 ? '' : 's'} you own.`,
    day: (iso: string) => DateTime.fromISO(iso).setLocale('en').toFormat('MMM d'),
    numbersHead: '■ The week in numbers',
    totals: (messages: string, off: string, atAll: string) =>
      `messages ${messages}; outside working hours ${off}; @all ${atAll}`,
    count: (x: number, unit: 'msg' | 'times') => (unit === 'msg' ? String(x) : `${x}×`),
    was: (now: string, before: string) => `${now} (last week ${before})`,
    burden: (b: Fig) =>
      `duplicate notices ${n(b, 'duplicates')}; roll-calls ${n(b, 'rollCalls')}; acknowledgement floods ${n(b, 'ackFloods')}; like floods ${n(b, 'likeSpam')}; photo-proof demands ${n(b, 'photoProof')}; same-day demands ${n(b, 'rushed')}`,
    group: (name: string, members: number, messages: string, off: string, atAll: number) =>
      `· ${name} (${members} members): messages ${messages}, ${off} off-hours, @all ${atAll}×`,
    zombie: (name: string, members: number) => `· ${name} (${members} members): silent for a long time`,
    hiddenGroup: (name: string, min: number) => `· ${name}: fewer than ${min} members, no figures shown`,
    recsHead: (count: number) =>
      `■ Recommendations (${count}, most minutes saved per week first; timing advice, which moves messages, last)`,
    othersHead: 'Also:',
    noRecs: '■ Recommendations\nNothing new this week.',
    item: (no: number, reason: string) => `${no}. ${reason}`,
    evidence: (text: string) => `   Evidence: ${text}`,
    dates: (days: string) => `dates: ${days}`,
    example: (quotes: string) => `e.g. ${quotes}`,
    quote: (text: string) => `"${text}"`,
    listSep: ', ',
    clauseSep: '; ',
    saves: (perMember: number, minutes: number) =>
      `   Saves: ${num(perMember)} messages per member a week, about ${Math.round(minutes)} minutes in all`,
    movesQuiet: (perMember: number, minutes: number) =>
      `   Moves: about ${num(perMember)} messages per member a week back into working hours (${Math.round(minutes)} minutes of evening reading)`,
    savesRush: (minutes: number) =>
      `   Saves: fewer upset plans, about ${Math.round(minutes)} minutes a week in all`,
    savesZombie: (members: number) => `   Saves: one group fewer in ${members} members' lists`,
    howTo: (first: number, weeks: number) =>
      `Reply "采纳 ${first}" to accept recommendation ${first}, or "忽略 ${first}" to dismiss it (not repeated for ${weeks} weeks unless it gets clearly worse).`,
    acceptedHead: '■ Accepted, still being followed',
    accepted: (reason: string) => `· ${reason}`,
    note: 'This digest shows group aggregates only; it never ranks individuals. The week’s chart is attached.',
    chartTitle: (week: string) => `${week} messages per day`,
    chartMessages: 'messages',
    chartDuplicates: 'duplicate notices',
    chartOffHours: 'off-hours share',
    evidenceOf: {
      merge: (f: Fig) =>
        f.jaccard === undefined
          ? `${n(f, 'groups')} groups, ${n(f, 'members')} people, ${n(f, 'sharedNotices')} notices repeated, ${n(f, 'redundantCopies')} redundant deliveries`
          : `member overlap ${pct(n(f, 'jaccard'))} (${n(f, 'sharedMembers')} people in both), ${n(f, 'sharedNotices')} notices posted in both, ${n(f, 'redundantCopies')} redundant deliveries`,
      zombie: (f: Fig, last: string | null) =>
        last === null
          ? `${n(f, 'members')} members, nobody ever wrote`
          : `${n(f, 'members')} members, last message ${last}`,
      relay: (f: Fig) =>
        `${n(f, 'notices')} notices this week, each reaching ${n(f, 'coverage') >= 0.995 ? 'every member' : `at least ${pct(n(f, 'coverage'))} of the members`} in another group too${n(f, 'acks') > 0 ? `; ${n(f, 'acks')} acknowledgements followed` : ''}`,
      dedupe: (f: Fig) =>
        `${n(f, 'groups')} groups, ${n(f, 'members')} people; the ${n(f, 'notices')} notices you forwarded made ${n(f, 'redundantCopies')} redundant deliveries`,
      rollCall: (f: Fig) =>
        [
          n(f, 'posts') > 0
            ? `${n(f, 'posts')} roll-call posts (${n(f, 'linesReposted')} list lines re-posted)`
            : '',
          n(f, 'acks') > 0 ? `${n(f, 'acks')} acknowledgements` : '',
        ]
          .filter(Boolean)
          .join(', '),
      likes: (f: Fig) =>
        `${n(f, 'praise')} praise replies, ${n(f, 'afterLeader')} times after a leader's post`,
      photo: (f: Fig) => `${n(f, 'demands')} demands, ${n(f, 'images')} images sent`,
      quiet: (f: Fig) =>
        `${n(f, 'offHoursMessages')} of ${n(f, 'messages')} messages off-hours, ${n(f, 'offHoursNotices')} of them notices`,
      rush: (f: Fig) =>
        `${n(f, 'rushed')} same-day demands, as little as ${num(n(f, 'minHoursGiven'))} hours given, ${n(f, 'offHours')} posted off-hours`,
    },
  },
} as const;
