/** The user-facing words of the weekly report, per locale. */
export const REPORT_TEXT = {
  'zh-CN': {
    title: (week: string, range: string) => `清群周报 ${week}（${range}）`,
    overview: '本周概况',
    groupsLine: (groups: number, messages: number, prev: string) =>
      `工作群 ${groups} 个，消息 ${messages} 条${prev}`,
    prev: (n: number, change: string) => `（上周 ${n} 条，${change}）`,
    offHours: (share: string, prev: string) => `非工作时间消息占 ${share}${prev}`,
    offHoursPrev: (share: string) => `（上周 ${share}）`,
    atAll: (n: number) => `@所有人 ${n} 次`,
    burden: (t: Record<string, number>) =>
      `重复通知 ${t.duplicateNotices} 条（冗余接收 ${t.redundantDeliveries} 人次）；接龙 ${t.rollCalls} 次；“收到”刷屏 ${t.ackFloods} 次；点赞刷屏 ${t.likeSpam} 次；拍照留痕要求 ${t.photoProof} 次；当天急要 ${t.rushedRequests} 次；僵尸群 ${t.zombies} 个`,
    duplicates: '重复通知',
    duplicateLine: (ex: string, groups: number, copies: number, redundant: number, first: string) =>
      `「${ex}」 到达 ${groups} 个群，共 ${copies} 份，冗余接收 ${redundant} 人次，首发：${first}`,
    overlaps: '成员高度重合的群',
    overlapLine: (a: string, b: string, j: string, c: string, n: number) =>
      `${a} ↔ ${b}：成员重合度 ${j}，较小群 ${c} 的成员在另一群中，本周共同收到重复通知 ${n} 条`,
    perGroup: '各群情况',
    groupHead: (name: string, owner: string, members: number) =>
      `${name}（群主 ${owner}，成员 ${members} 人）`,
    groupLine: (messages: number, prev: string, off: string, atAll: number) =>
      `消息 ${messages} 条${prev}，非工作时间 ${off}，@所有人 ${atAll} 次`,
    groupPrev: (n: number) => `（上周 ${n}）`,
    zombie: (days: number | null) =>
      days === null ? '僵尸群：从未有人发言' : `僵尸群：已 ${days} 天无人发言`,
    rollCall: (posts: number, people: number, lines: number, ex: string) =>
      `接龙 1 次：${posts} 条、${people} 人参与，重复转发名单 ${lines} 行${ex}`,
    ackFlood: (n: number, ex: string) => `“收到”刷屏：${n} 人回复确认${ex}`,
    likeSpam: (n: number, leader: boolean, ex: string) =>
      `${leader ? '领导发布后' : ''}点赞刷屏：${n} 人${ex}`,
    photoProof: (images: number, ex: string) => `拍照/截图留痕要求：收到 ${images} 张图片${ex}`,
    rushed: (hours: string, ex: string) => `当天急要：仅给 ${hours} 小时${ex}`,
    after: (ex: string) => `，起因：「${ex}」`,
    nothing: '本周未发现问题。',
    unknown: '未知',
    none: '无',
    note: '说明：本报告只统计群和单位层面的汇总数据，不对个人排名。',
    noStoredData: (db: string) =>
      `${db} 里还没有消息：请先用 qingqun import 导入聊天记录，或运行 qingqun start`,
    weekWithoutData: (week: string, first: string, last: string) =>
      `${week} 没有任何消息记录（已存数据从 ${first} 到 ${last}），无法生成周报；请用 --week 选择其中一周`,
  },
  en: {
    title: (week: string, range: string) => `qingqun weekly report ${week} (${range})`,
    overview: 'This week',
    groupsLine: (groups: number, messages: number, prev: string) =>
      `${groups} work groups, ${messages} messages${prev}`,
    prev: (n: number, change: string) => ` (last week ${n}, ${change})`,
    offHours: (share: string, prev: string) => `${share} of messages outside working hours${prev}`,
    offHoursPrev: (share: string) => ` (last week ${share})`,
    atAll: (n: number) => `@all used ${n} times`,
    burden: (t: Record<string, number>) =>
      `${t.duplicateNotices} duplicate notices (${t.redundantDeliveries} redundant deliveries); ${t.rollCalls} roll-calls; ${t.ackFloods} acknowledgement floods; ${t.likeSpam} like floods; ${t.photoProof} photo-proof demands; ${t.rushedRequests} same-day demands; ${t.zombies} zombie groups`,
    duplicates: 'Duplicate notices',
    duplicateLine: (ex: string, groups: number, copies: number, redundant: number, first: string) =>
      `"${ex}" reached ${groups} groups, ${copies} copies, ${redundant} redundant deliveries, first posted by ${first}`,
    overlaps: 'Groups with overlapping members',
    overlapLine: (a: string, b: string, j: string, c: string, n: number) =>
      `${a} ↔ ${b}: member overlap ${j}, ${c} of the smaller group is in the other; ${n} duplicate notices reached both`,
    perGroup: 'Per group',
    groupHead: (name: string, owner: string, members: number) =>
      `${name} (owner ${owner}, ${members} members)`,
    groupLine: (messages: number, prev: string, off: string, atAll: number) =>
      `${messages} messages${prev}, ${off} off-hours, @all ${atAll} times`,
    groupPrev: (n: number) => ` (last week ${n})`,
    zombie: (days: number | null) =>
      days === null ? 'zombie group: nobody ever wrote' : `zombie group: silent for ${days} days`,
    rollCall: (posts: number, people: number, lines: number, ex: string) =>
      `roll-call: ${posts} posts by ${people} people, ${lines} list lines re-posted${ex}`,
    ackFlood: (n: number, ex: string) => `acknowledgement flood: ${n} people replied${ex}`,
    likeSpam: (n: number, leader: boolean, ex: string) =>
      `like flood${leader ? ' after a leader’s post' : ''}: ${n} people${ex}`,
    photoProof: (images: number, ex: string) => `photo-proof demand: ${images} images came back${ex}`,
    rushed: (hours: string, ex: string) => `same-day demand: only ${hours} hours given${ex}`,
    after: (ex: string) => `, after "${ex}"`,
    nothing: 'Nothing to report this week.',
    unknown: 'unknown',
    none: 'none',
    note: 'This report shows group and unit aggregates only; it never ranks individuals.',
    noStoredData: (db: string) =>
      `${db} holds no messages yet: import chat records with qingqun import, or run qingqun start`,
    weekWithoutData: (week: string, first: string, last: string) =>
      `${week} holds no messages (stored data runs from ${first} to ${last}); no report. Choose one of those weeks with --week`,
  },
} as const;
