import { DateTime } from 'luxon';
import type { Locale } from '../model/locale.js';
import { MESSAGE_TYPES } from '../model/message.js';
import type { StoreStats } from '../store/stats.js';

const TEXT = {
  'zh-CN': {
    title: '数据库概况',
    groups: '群',
    contacts: '联系人',
    members: '成员（去重）',
    messages: '消息',
    range: '时间范围',
    perWeek: '每周各类型消息数',
    week: '周',
    total: '合计',
    empty: '（暂无消息）',
    implausible: (n: number) =>
      `另有 ${n} 条消息的时间不可信（早于 2011-01-21 微信发布，或晚于现在一天以上），未计入时间范围和每周表。`,
    types: {
      text: '文字',
      link: '链接',
      file: '文件',
      image: '图片',
      miniprogram: '小程序',
      emoticon: '表情',
      recalled: '撤回',
      system: '系统',
      other: '其他',
    },
  },
  en: {
    title: 'What is stored',
    groups: 'groups',
    contacts: 'contacts',
    members: 'members (distinct)',
    messages: 'messages',
    range: 'time range',
    perWeek: 'Messages per week and type',
    week: 'week',
    total: 'total',
    empty: '(no messages yet)',
    implausible: (n: number) =>
      `${n} more messages have implausible times (before WeChat's release on 2011-01-21, or over a day ahead): left out of the range and the weekly table.`,
    types: Object.fromEntries(MESSAGE_TYPES.map((t) => [t, t])) as Record<string, string>,
  },
} as const;

function pad(value: string, width: number): string {
  // CJK characters take two terminal columns.
  const cols = [...value].reduce((n, ch) => n + (/[\u1100-\uffff]/u.test(ch) ? 2 : 1), 0);
  return value + ' '.repeat(Math.max(0, width - cols));
}

/** A plain-text overview of the store: counts, then a week × type table. Pure. */
export function renderStats(stats: StoreStats, locale: Locale, timezone: string): string {
  const t = TEXT[locale];
  const lines = [
    t.title,
    `  ${t.groups}: ${stats.groups}   ${t.contacts}: ${stats.contacts}   ${t.members}: ${stats.members}   ${t.messages}: ${stats.messages}`,
  ];
  if (stats.firstMessageAt === null || stats.lastMessageAt === null)
    return [...lines, `  ${t.empty}`].join('\n');
  const fmt = (ms: number) => DateTime.fromMillis(ms, { zone: timezone }).toFormat('yyyy-MM-dd HH:mm');
  lines.push(`  ${t.range}: ${fmt(stats.firstMessageAt)} — ${fmt(stats.lastMessageAt)} (${timezone})`);
  if (stats.implausibleTimes > 0) lines.push(`  ${t.implausible(stats.implausibleTimes)}`);

  const weeks = new Map<string, Map<string, number>>();
  for (const { day, type, count } of stats.byDayAndType) {
    const week = DateTime.fromISO(day).toFormat("kkkk-'W'WW");
    const row = weeks.get(week) ?? new Map<string, number>();
    row.set(type, (row.get(type) ?? 0) + count);
    weeks.set(week, row);
  }
  const types = MESSAGE_TYPES.filter((type) => (stats.byType[type] ?? 0) > 0);
  const header = [pad(t.week, 10), ...types.map((type) => pad(t.types[type] ?? type, 8)), t.total];
  lines.push('', t.perWeek, `  ${header.join(' ')}`);
  for (const [week, row] of [...weeks].sort(([a], [b]) => a.localeCompare(b))) {
    const total = [...row.values()].reduce((a, b) => a + b, 0);
    const cells = types.map((type) => pad(String(row.get(type) ?? 0), 8));
    lines.push(`  ${[pad(week, 10), ...cells, String(total)].join(' ')}`);
  }
  const totals = types.map((type) => pad(String(stats.byType[type] ?? 0), 8));
  lines.push(`  ${[pad(t.total, 10), ...totals, String(stats.messages)].join(' ')}`);
  return lines.join('\n');
}
