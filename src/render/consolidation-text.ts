/** The user-facing words of the audit's consolidation sections (groups per member, the plan, 多头报送). */
export const CONSOLIDATION_TEXT = {
  'zh-CN': {
    groupsPerMember: '每人所在工作群数',
    gpmLine: (who: string, members: string, median: string, p90: string, over: string, limit: number) =>
      `${who}：${members} 人，中位数 ${median} 个群，90% 的人不超过 ${p90} 个，超过上限 ${limit} 个的 ${over} 人`,
    overall: '总体',
    trend: '趋势（每周末）：',
    trendItem: (week: string, median: string, p90: string, over: string) =>
      `${week} 中位数 ${median} / p90 ${p90} / 超限 ${over} 人`,
    plan: '整合方案（采纳本周全部待处理的合并与归档建议）',
    planLine: (
      who: string,
      now: number,
      after: number,
      median: string,
      p90: string,
      over: string,
      copies: string,
      minutes: string,
    ) =>
      `${who}：工作群 ${now} → ${after} 个；之后每人所在群数中位数 ${median}、p90 ${p90}、超过上限 ${over} 人；每周少收重复通知 ${copies} 份，节省 ${minutes} 分钟`,
    planNone: '本周没有待处理的合并或归档建议。',
    repeated: '多头报送（不同单位要同一份数据）',
    repeatedNone: '本周未发现不同单位重复索要同一份数据。',
    repeatedLine: (units: string, excerpt: string, n: number, groups: number) =>
      `${units} 都在要“${excerpt}”（${n} 次，${groups} 个群）——建议共用一张表，由一个单位收集后共享。`,
    unitSep: '、',
    unassigned: '（未分配单位）',
    effects: '整改成效（已采纳的建议）',
    effectsNone: '还没有已采纳的建议。',
    effectHead: (kind: string, groups: string, week: string, state: string) =>
      `${kind}：${groups}（${week} 采纳）——${state}`,
    effectWeek: (week: string, perMember: string, copies: number, acks: number) =>
      `${week} 每人 ${perMember} 条、重复送达 ${copies} 人次、“收到” ${acks} 条`,
    before: '采纳时',
    states: { 'carried-out': '已落实', pending: '待观察', 'not-carried-out': '采纳两周后仍未落实' } as Record<
      string,
      string
    >,
    kinds: { merge: '合并', archive: '解散或归档' } as Record<string, string>,
  },
  en: {
    groupsPerMember: 'Work groups per member',
    gpmLine: (who: string, members: string, median: string, p90: string, over: string, limit: number) =>
      `${who}: ${members} people, median ${median} groups, 90% in at most ${p90}, ${over} in more than the limit of ${limit}`,
    overall: 'overall',
    trend: 'Trend (end of each week): ',
    trendItem: (week: string, median: string, p90: string, over: string) =>
      `${week} median ${median} / p90 ${p90} / over ${over}`,
    plan: 'The plan (accepting every open merge and archive recommendation of the week)',
    planLine: (
      who: string,
      now: number,
      after: number,
      median: string,
      p90: string,
      over: string,
      copies: string,
      minutes: string,
    ) =>
      `${who}: ${now} → ${after} work groups; then median ${median} groups per member, p90 ${p90}, ${over} over the limit; ${copies} repeated copies and ${minutes} minutes saved per week`,
    planNone: 'No open merge or archive recommendation this week.',
    repeated: 'Repeated data requests (several units asking for the same data)',
    repeatedNone: 'No data was requested by several units this week.',
    repeatedLine: (units: string, excerpt: string, n: number, groups: number) =>
      `${units} all asked for "${excerpt}" (${n} requests, ${groups} groups) — use one shared table, collected once.`,
    unitSep: ', ',
    unassigned: '(no unit)',
    effects: 'Effect of accepted recommendations',
    effectsNone: 'No recommendation has been accepted yet.',
    effectHead: (kind: string, groups: string, week: string, state: string) =>
      `${kind}: ${groups} (accepted ${week}) — ${state}`,
    effectWeek: (week: string, perMember: string, copies: number, acks: number) =>
      `${week} ${perMember} messages per member, ${copies} repeated copies, ${acks} acknowledgements`,
    before: 'when accepted',
    states: {
      'carried-out': 'carried out',
      pending: 'pending',
      'not-carried-out': 'not carried out two weeks after',
    } as Record<string, string>,
    kinds: { merge: 'merge', archive: 'archive' } as Record<string, string>,
  },
} as const;
