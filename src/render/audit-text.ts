/** The user-facing words of the supervisors' audit, per locale. */
import { DateTime } from 'luxon';

export const AUDIT_TEXT = {
  'zh-CN': {
    title: (week: string, first: string, last: string, zone: string) =>
      `清群督查报告 ${week}（${first}—${last}，${zone}）`,
    day: (iso: string) => DateTime.fromISO(iso).toFormat("M'月'd'日'"),
    scope: (units: string | null) => `范围：${units ?? '全部单位'}`,
    firstWeek: (w: string | null) => `最早记录：${w ?? '无'}`,
    overall: '总体',
    perUnit: '各单位',
    owners: '群主',
    breaches: '违反规定',
    noBreaches: '本周未发现违反规定的情况。',
    unassigned: '（未分配单位）',
    groupsLine: (
      groups: number,
      lastWeek: string,
      sinceFirst: string,
      created: number,
      dissolved: number,
      zombies: number,
    ) =>
      `工作群 ${groups} 个（较上周 ${lastWeek}，较最早记录 ${sinceFirst}）；本周新建 ${created} 个、解散 ${dissolved} 个；僵尸群 ${zombies} 个`,
    figuresLine: (messages: string, off: string, dup: string, rollCalls: string, atAll: string) =>
      `消息 ${messages} 条；非工作时间占 ${off}；重复通知占 ${dup}；接龙 ${rollCalls} 次；@所有人 ${atAll} 次`,
    unitHead: (unit: string, people: string) => `■ ${unit}（${people} 人）`,
    ownersLine: (owners: string, d: string[]) =>
      `群主 ${owners} 人，其中管 1 个群 ${d[0]} 人、2 个群 ${d[1]} 人、3 个群 ${d[2]} 人、4 个及以上 ${d[3]} 人`,
    maxGroupsPerUnit: (unit: string, value: number, limit: number) =>
      `${unit}：工作群 ${value} 个，超过上限 ${limit} 个`,
    maxAtAllPerGroupPerWeek: (group: string, unit: string, value: number, limit: number) =>
      `${group}（${unit}）：本周 @所有人 ${value} 次，超过上限 ${limit} 次`,
    quietHours: (group: string, unit: string, value: number, limit: number, window: string) =>
      `${group}（${unit}）：${window} 发通知 ${value} 条，上限 ${limit} 条`,
    hidden: (n: number, min: number) => `另有 ${n} 处违反规定发生在成员不足 ${min} 人的群，不予列出。`,
    note: (min: number) => `说明：只展示汇总数据，不对个人排名；涉及不足 ${min} 人的数字以“—”表示。`,
    columns: [
      '单位',
      '人数',
      '群数',
      '较上周',
      '较最早记录',
      '新建',
      '解散',
      '僵尸群',
      '消息',
      '非工作时间',
      '重复通知',
      '接龙',
      '@所有人',
    ],
    total: '合计',
  },
  en: {
    title: (week: string, first: string, last: string, zone: string) =>
      `qingqun audit ${week} (${first} – ${last}, ${zone})`,
    day: (iso: string) => DateTime.fromISO(iso).setLocale('en').toFormat('MMM d'),
    scope: (units: string | null) => `Scope: ${units ?? 'all units'}`,
    firstWeek: (w: string | null) => `First week on record: ${w ?? 'none'}`,
    overall: 'Overall',
    perUnit: 'Per unit',
    owners: 'Owners',
    breaches: 'Policy breaches',
    noBreaches: 'No policy breaches this week.',
    unassigned: '(no unit)',
    groupsLine: (
      groups: number,
      lastWeek: string,
      sinceFirst: string,
      created: number,
      dissolved: number,
      zombies: number,
    ) =>
      `${groups} work groups (${lastWeek} on last week, ${sinceFirst} since the first week on record); ${created} created and ${dissolved} dissolved this week; ${zombies} zombie groups`,
    figuresLine: (messages: string, off: string, dup: string, rollCalls: string, atAll: string) =>
      `${messages} messages; ${off} outside working hours; ${dup} of notices repeated; ${rollCalls} roll-calls; @all ${atAll} times`,
    unitHead: (unit: string, people: string) => `■ ${unit} (${people} people)`,
    ownersLine: (owners: string, d: string[]) =>
      `${owners} owners: ${d[0]} own 1 group, ${d[1]} own 2, ${d[2]} own 3, ${d[3]} own 4 or more`,
    maxGroupsPerUnit: (unit: string, value: number, limit: number) =>
      `${unit}: ${value} work groups, more than the ${limit} allowed`,
    maxAtAllPerGroupPerWeek: (group: string, unit: string, value: number, limit: number) =>
      `${group} (${unit}): @all ${value} times this week, more than the ${limit} allowed`,
    quietHours: (group: string, unit: string, value: number, limit: number, window: string) =>
      `${group} (${unit}): ${value} notices between ${window}, ${limit} allowed`,
    hidden: (n: number, min: number) =>
      `${n} more breaches happened in groups of fewer than ${min} members and are not listed.`,
    note: (min: number) =>
      `Aggregates only, no ranking of individuals; figures about fewer than ${min} people show as —.`,
    columns: [
      'unit',
      'people',
      'groups',
      'vs last week',
      'vs first week',
      'created',
      'dissolved',
      'zombies',
      'messages',
      'off-hours',
      'repeated notices',
      'roll-calls',
      '@all',
    ],
    total: 'total',
  },
} as const;
