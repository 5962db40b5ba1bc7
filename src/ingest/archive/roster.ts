/**
 * Roster files: the groups, owners, units and members an export lacks (`qingqun import --roster FILE`).
 * CSV, one row per member (English or Chinese headers, see ROSTER_COLUMNS):
 *
 *   group_id,group_name,owner_id,unit,member_id,member_name,member_unit
 *   123@chatroom,新浜镇党建工作群,u-wang,党建办,u-li,李娜,东湖社区
 *
 * A group's fields come from its first row that has them; a group without any member_id is described
 * without a roster (its stored members are kept). YAML:
 *
 *   groups:
 *     - { id: 123@chatroom, name: 新浜镇党建工作群, owner: u-wang, unit: 党建办, members: [u-li, {id: u-zhao, name: 赵敏}] }
 *   contacts:
 *     - { id: u-li, name: 李娜, unit: 东湖社区 }
 *
 * Roster groups are also how exports that name a group without its id (WeChatMsg) find the id.
 */
import { readFile } from 'node:fs/promises';
import { parseDocument } from 'yaml';
import { z } from 'zod';
import { type ArchiveContact, type ArchiveGroup, nonEmpty } from './archive-item.js';
import type { ArchiveTimeParser } from './archive-time.js';
import { readCsvFile } from './read-csv-file.js';
import { normaliseWechatGroupId } from './wechat-app-message.js';

export interface Roster {
  groups: (ArchiveGroup & { line: number })[];
  contacts: (ArchiveContact & { line: number })[];
  problems: { line: number; field: string; problem: string }[];
  lines: number;
}

/** Column → accepted header names (compared without case, spaces, `_` or `-`). */
export const ROSTER_COLUMNS = {
  groupId: ['group_id', 'groupid', 'roomid', '群id', '群聊id', '群号'],
  groupName: ['group_name', 'groupname', '群名', '群名称', '群聊名称'],
  ownerId: ['owner_id', 'ownerid', 'owner', '群主', '群主id'],
  unit: ['unit', 'group_unit', '单位', '所属单位'],
  createdAt: ['created_at', 'createdat', '建群时间', '创建时间'],
  memberId: ['member_id', 'memberid', '成员id', '成员'],
  memberName: ['member_name', 'membername', '成员姓名', '姓名'],
  memberUnit: ['member_unit', 'memberunit', '成员单位'],
} as const;

const norm = (h: string) => h.toLowerCase().replace(/[\s_-]/g, '');

/** The header's column for each roster field, or undefined. */
export function rosterColumns(
  header: readonly string[],
): Partial<Record<keyof typeof ROSTER_COLUMNS, string>> {
  const out: Partial<Record<keyof typeof ROSTER_COLUMNS, string>> = {};
  for (const [key, names] of Object.entries(ROSTER_COLUMNS)) {
    const found = header.find((h) => (names as readonly string[]).some((n) => norm(n) === norm(h)));
    if (found !== undefined) out[key as keyof typeof ROSTER_COLUMNS] = found;
  }
  return out;
}

export async function readRosterCsv(file: string, clock: ArchiveTimeParser): Promise<Roster> {
  const roster: Roster = { groups: [], contacts: [], problems: [], lines: 0 };
  const byId = new Map<string, ArchiveGroup & { line: number }>();
  let cols: ReturnType<typeof rosterColumns> | null = null;
  const info = await readCsvFile(file, (r) => {
    if ('problem' in r) {
      roster.problems.push({ line: r.line, field: 'line', problem: r.problem });
      return;
    }
    cols ??= rosterColumns(Object.keys(r.row));
    const get = (key: keyof typeof ROSTER_COLUMNS) => (cols?.[key] ? nonEmpty(r.row[cols[key]]) : null);
    const rawId = get('groupId');
    // A WeChat group id written without `@chatroom` is the same group (wechat-app-message.ts).
    const id = rawId === null ? null : normaliseWechatGroupId(rawId);
    if (!id) {
      roster.problems.push({ line: r.line, field: cols.groupId ?? 'group_id', problem: 'required' });
      return;
    }
    let group = byId.get(id);
    if (!group) {
      group = { id, name: null, ownerId: null, unit: null, createdAt: null, memberIds: null, line: r.line };
      byId.set(id, group);
      roster.groups.push(group);
    }
    group.name ??= get('groupName');
    group.ownerId ??= get('ownerId');
    group.unit ??= get('unit');
    const created = get('createdAt');
    if (created && group.createdAt === null) {
      const t = clock.parse(created);
      if (t.ok) group.createdAt = t.time;
      else roster.problems.push({ line: r.line, field: cols.createdAt ?? 'created_at', problem: t.problem });
    }
    const member = get('memberId');
    if (member) {
      group.memberIds = [...(group.memberIds ?? []), member];
      const name = get('memberName');
      if (name) roster.contacts.push({ id: member, name, unit: get('memberUnit'), line: r.line });
    }
  });
  roster.lines = info.lines;
  return roster;
}

const id = z.union([z.string().trim().min(1), z.number()]).transform(String);
const text = z.string().nullish();
const member = z.union([id, z.object({ id, name: text, unit: text })]);
const yamlRoster = z.object({
  groups: z
    .array(
      z.object({
        id,
        name: text,
        owner: id.nullish(),
        ownerId: id.nullish(),
        unit: text,
        createdAt: z.union([z.string(), z.number()]).nullish(),
        members: z.array(member).nullish(),
      }),
    )
    .default([]),
  contacts: z.array(z.object({ id, name: z.string(), unit: text })).default([]),
});

export async function readRosterYaml(file: string, clock: ArchiveTimeParser): Promise<Roster> {
  const source = (await readFile(file, 'utf8')).replace(/^\uFEFF/, '');
  const lines = source.split('\n').length;
  const doc = parseDocument(source, { prettyErrors: false });
  const roster: Roster = { groups: [], contacts: [], problems: [], lines };
  const syntax = doc.errors[0];
  if (syntax) {
    roster.problems.push({
      line: syntax.linePos?.[0].line ?? 0,
      field: 'line',
      problem: `invalid YAML (${syntax.code})`,
    });
    return roster;
  }
  const parsed = yamlRoster.safeParse(doc.toJS());
  if (!parsed.success) {
    for (const issue of parsed.error.issues.slice(0, 20)) {
      roster.problems.push({
        line: 0,
        field: issue.path.map(String).join('.') || 'file',
        problem: issue.message,
      });
    }
    return roster;
  }
  parsed.data.groups.forEach((g, i) => {
    let createdAt: number | null = null;
    if (g.createdAt !== undefined && g.createdAt !== null) {
      const t = clock.parse(g.createdAt);
      if (t.ok) createdAt = t.time;
      else roster.problems.push({ line: 0, field: `groups.${i}.createdAt`, problem: t.problem });
    }
    const members = g.members ?? null;
    for (const m of members ?? []) {
      if (typeof m !== 'string' && m.name)
        roster.contacts.push({ id: m.id, name: m.name, unit: m.unit ?? null, line: 0 });
    }
    roster.groups.push({
      id: normaliseWechatGroupId(g.id),
      name: g.name ?? null,
      ownerId: g.ownerId ?? g.owner ?? null,
      unit: g.unit ?? null,
      createdAt,
      memberIds: members === null ? null : members.map((m) => (typeof m === 'string' ? m : m.id)),
      line: 0,
    });
  });
  for (const c of parsed.data.contacts)
    roster.contacts.push({ id: c.id, name: c.name, unit: c.unit ?? null, line: 0 });
  return roster;
}
