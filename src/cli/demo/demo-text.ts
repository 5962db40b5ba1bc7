/** What `npm start` says, per locale. */
export const DEMO_TEXT = {
  'zh-CN': {
    banner: (db: string) =>
      `清群 qingqun — 模拟运行\n未配置 WECHATY_PUPPET：机器人将在 wechaty-puppet-mock 上运行，加入一个模拟镇政府的工作群，按原始时间回放四周的消息，记录到 ${db}。\n`,
    played: (
      groups: number,
      people: number,
      messages: number,
      inserted: number,
      duplicate: number,
      ms: number,
    ) =>
      `机器人已在 ${groups} 个模拟工作群（${people} 人）中记录 ${messages} 条消息：新增 ${inserted} 条，已存在 ${duplicate} 条，用时 ${(ms / 1000).toFixed(1)} 秒。`,
    problems: (failed: number, missing: number, conflict: number) =>
      `注意：${failed} 条记录失败，${missing} 条未被处理，${conflict} 条与已存内容冲突（详见日志）。`,
    deliveries: (n: number, from: string, to: string) =>
      `\n模拟时钟从 ${from} 走到 ${to}：机器人按计划发出的私信（每条都经过限速发送队列）共 ${n} 条——群主周报、督查审计、一位干部的对话和每日摘要：\n`,
    outro: (week: string, db: string) =>
      [
        `以上是模拟数据，不是真实的工作群。完整周报：npx qingqun --db ${db} report --week ${week}`,
        '接入真实账号：在 .env 中设置 WECHATY_PUPPET（如 wechaty-puppet-wechat4u，或 wechaty-puppet-service 加 WECHATY_PUPPET_SERVICE_TOKEN），再运行 npm start 扫码登录。',
        '请使用群成员知情的专用账号，并先阅读 README 中关于封号风险和合规的说明。',
      ].join('\n'),
    alreadySent: (n: number) => `（另有 ${n} 条私信已在之前的运行中发出，本次不再发送，也不再列出。）`,
  },
  en: {
    banner: (db: string) =>
      `qingqun — simulated run\nNo WECHATY_PUPPET configured: the bot runs on wechaty-puppet-mock, joins the work groups of a simulated town office, replays four weeks of messages with their original timestamps and records them into ${db}.\n`,
    played: (
      groups: number,
      people: number,
      messages: number,
      inserted: number,
      duplicate: number,
      ms: number,
    ) =>
      `The bot recorded ${messages} messages in ${groups} simulated groups (${people} people): ${inserted} new, ${duplicate} already stored, in ${(ms / 1000).toFixed(1)} s.`,
    problems: (failed: number, missing: number, conflict: number) =>
      `Note: ${failed} failed, ${missing} never handled, ${conflict} conflicting with stored content (see the log).`,
    deliveries: (n: number, from: string, to: string) =>
      `\nA simulated clock ran from ${from} to ${to}: the ${n} private messages the bot sent on schedule (each through the throttled send queue) — owners' digests, the supervisors' audit, a cadre's conversation and daily digest:\n`,
    outro: (week: string, db: string) =>
      [
        `This was simulated data, not real work groups. Full report: npx qingqun --db ${db} report --week ${week}`,
        'To connect a real account set WECHATY_PUPPET in .env (e.g. wechaty-puppet-wechat4u, or wechaty-puppet-service with WECHATY_PUPPET_SERVICE_TOKEN) and run npm start to scan the login QR code.',
        'Use a dedicated account the group members know about, and read the README on account bans and compliance first.',
      ].join('\n'),
    alreadySent: (n: number) =>
      `(${n} more private messages were sent by an earlier run: not sent again, not listed again.)`,
  },
} as const;
