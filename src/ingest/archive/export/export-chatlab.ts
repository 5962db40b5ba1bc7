/**
 * `qingqun export --format chatlab --out DIR`: every stored group (or the ones asked for) as a ChatLab
 * file, so a user can open qingqun's groups in ChatLab. Members are the group's latest roster snapshot;
 * names are the stored contacts' (ids when unknown). Messages are streamed from the store, so a group
 * of any size costs little memory. Message text purged by retention is exported as it is stored (null).
 */
import { join } from 'node:path';
import type { Group } from '../../../model/group.js';
import { makeDirectory } from '../../../platform/private-files.js';
import type { Store } from '../../../store/store.js';
import {
  type ChatlabChat,
  type ChatlabInput,
  safeName,
  writeChatlabFile,
  writeChatlabFileAsync,
} from './chatlab-writer.js';

export interface ChatlabExportOptions {
  outDir: string;
  /** JSON (ChatLab's default) or JSONL (for very large groups). Default 'json'. */
  layout?: 'json' | 'jsonl';
  /** Only these groups. Default: every stored group. */
  groupIds?: readonly string[];
  /** UTC epoch ms written as exportedAt. Default Date.now(). */
  now?: number;
}

export interface ChatlabExportResult {
  files: string[];
  groups: number;
  messages: number;
  /** Requested group ids that are not stored. */
  missing: string[];
}

export function exportChatlab(store: Store, options: ChatlabExportOptions): ChatlabExportResult {
  const layout = options.layout ?? 'json';
  // Not mkdirSync(recursive): it spins forever on paths like /proc/foo (private-files.ts).
  makeDirectory(options.outDir);
  const names = store.contacts.names();
  const name = (id: string) => names.get(id) ?? id;
  const result: ChatlabExportResult = { files: [], groups: 0, messages: 0, missing: [] };
  for (const id of options.groupIds ?? store.groups.ids()) {
    const group = store.groups.find(id);
    if (!group) {
      result.missing.push(id);
      continue;
    }
    const members = store.snapshots.membersAt(id, Number.MAX_SAFE_INTEGER) ?? [];
    const { file, chat } = chatFile(options, group, members, name);
    result.messages += writeChatlabFile(file, chat, store.messages.ofGroup(id), name, layout);
    result.files.push(file);
    result.groups++;
  }
  return result;
}

/** The reads of an export on a store that answers asynchronously (PostgreSQL: postgres/pg-export.ts). */
export interface AsyncChatlabSource {
  contactNames(): Promise<Map<string, string>>;
  groupIds(): Promise<string[]>;
  findGroup(id: string): Promise<Group | undefined>;
  /** The group's latest roster, sorted; undefined without a snapshot. */
  latestMembers(groupId: string): Promise<string[] | undefined>;
  /** The group's messages by time then row id, streamed. */
  messagesOfGroup(groupId: string): AsyncIterable<ChatlabInput>;
}

/** exportChatlab from an asynchronous source: the same files, byte for byte. */
export async function exportChatlabAsync(
  source: AsyncChatlabSource,
  options: ChatlabExportOptions,
): Promise<ChatlabExportResult> {
  const layout = options.layout ?? 'json';
  makeDirectory(options.outDir);
  const names = await source.contactNames();
  const name = (id: string) => names.get(id) ?? id;
  const result: ChatlabExportResult = { files: [], groups: 0, messages: 0, missing: [] };
  for (const id of options.groupIds ?? (await source.groupIds())) {
    const group = await source.findGroup(id);
    if (!group) {
      result.missing.push(id);
      continue;
    }
    const members = (await source.latestMembers(id)) ?? [];
    const { file, chat } = chatFile(options, group, members, name);
    result.messages += await writeChatlabFileAsync(file, chat, source.messagesOfGroup(id), name, layout);
    result.files.push(file);
    result.groups++;
  }
  return result;
}

function chatFile(
  options: ChatlabExportOptions,
  group: Group,
  members: readonly string[],
  name: (id: string) => string,
): { file: string; chat: ChatlabChat } {
  const id = group.id;
  return {
    file: join(options.outDir, `${safeName(group.name || id)}_${safeName(id)}.${options.layout ?? 'json'}`),
    chat: {
      name: group.name || id,
      groupId: id,
      ownerId: group.ownerId,
      members: members.map((m) => ({ id: m, name: name(m) })),
      exportedAt: options.now ?? Date.now(),
    },
  };
}
