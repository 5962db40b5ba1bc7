/**
 * Writes an organisation as ChatLab files, one per group (`<群名>_<id>.json` or `.jsonl`): the
 * group's roster as members (the owner with role `owner`), its messages in time order.
 */
import { join } from 'node:path';
import { writeChatlabFile } from '../../../../src/ingest/archive/export/chatlab-writer.js';
import {
  type ArchiveSource,
  contactNames,
  messagesByGroup,
  safeName,
  type WriteResult,
} from './archive-source.js';

export function writeChatlab(
  source: ArchiveSource,
  dir: string,
  options: { layout?: 'json' | 'jsonl'; exportedAt?: number } = {},
): WriteResult {
  const layout = options.layout ?? 'json';
  const name = contactNames(source);
  const byGroup = messagesByGroup(source);
  const result: WriteResult = { files: [], messages: 0, skipped: {} };
  for (const g of source.groups) {
    const file = join(dir, `${safeName(g.name)}_${safeName(g.id)}.${layout}`);
    const messages = (byGroup.get(g.id) ?? []).map(({ record: m, time }) => ({
      id: m.id,
      senderId: m.senderId,
      time,
      type: m.type,
      text: m.text ?? null,
      mentionAll: m.mentionAll ?? false,
      link: m.link ?? null,
      file: m.file ?? null,
      miniprogram: m.miniprogram ?? null,
    }));
    const chat = {
      name: g.name,
      groupId: g.id,
      ownerId: g.ownerId ?? null,
      members: g.memberIds.map((id) => ({ id, name: name(id) })),
      exportedAt: options.exportedAt ?? messages.at(-1)?.time ?? 0,
    };
    result.messages += writeChatlabFile(file, chat, messages, name, layout);
    result.files.push(file);
  }
  return result;
}
