/**
 * Writes an organisation as WeCom 会话内容存档 files: `wecom-messages.jsonl` (decrypted GetChatData
 * records, one per line) and `wecom-groups.json` (groupchat/get details keyed by room id). The archive
 * has no system lines: those are skipped. File hashes are MD5 stand-ins (md5Of).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MessageRecord } from '../../../../src/model/interchange.js';
import {
  type ArchiveSource,
  bump,
  md5Of,
  messagesByGroup,
  shownText,
  type WriteResult,
} from './archive-source.js';

function record(
  m: MessageRecord,
  time: number,
  roomid: string,
  tolist: string[],
): Record<string, unknown> | null {
  const base = { msgid: m.id, action: 'send', from: m.senderId, tolist, roomid, msgtime: time };
  switch (m.type) {
    case 'text':
      return { ...base, msgtype: 'text', text: { content: shownText(m) } };
    case 'image':
      return {
        ...base,
        msgtype: 'image',
        image: { md5sum: md5Of(m), filesize: m.file?.size ?? 0, sdkfileid: '' },
      };
    case 'emoticon':
      return {
        ...base,
        msgtype: 'emotion',
        emotion: { type: 1, width: 240, height: 240, imagesize: 0, md5sum: md5Of(m) },
      };
    case 'link':
      return {
        ...base,
        msgtype: 'link',
        link: {
          title: m.link?.title ?? '',
          description: m.link?.description ?? '',
          link_url: m.link?.url ?? '',
          image_url: '',
        },
      };
    case 'file': {
      const name = m.file?.name ?? '';
      const ext = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1) : '';
      return {
        ...base,
        msgtype: 'file',
        file: { md5sum: md5Of(m), filename: name, fileext: ext, filesize: m.file?.size ?? 0 },
      };
    }
    case 'miniprogram':
      return {
        ...base,
        msgtype: 'weapp',
        weapp: {
          title: m.miniprogram?.title ?? '',
          description: '',
          username: '',
          displayname: m.miniprogram?.appName ?? '',
        },
      };
    case 'recalled':
      return { ...base, action: 'recall', msgtype: 'revoke', revoke: { pre_msgid: m.text ?? '' } };
    default:
      return null;
  }
}

export function writeWecomArchive(source: ArchiveSource, dir: string): WriteResult {
  const result: WriteResult = { files: [], messages: 0, skipped: {} };
  const members = new Map(source.groups.map((g) => [g.id, g.memberIds]));
  const lines: string[] = [];
  for (const [roomid, list] of messagesByGroup(source)) {
    for (const { record: m, time } of list) {
      const tolist = (members.get(roomid) ?? []).filter((id) => id !== m.senderId);
      const r = record(m, time, roomid, tolist);
      if (!r) {
        bump(result.skipped, m.type);
        continue;
      }
      lines.push(JSON.stringify(r));
      result.messages++;
    }
  }
  const messagesFile = join(dir, 'wecom-messages.jsonl');
  writeFileSync(messagesFile, `${lines.join('\n')}\n`);
  const details = Object.fromEntries(
    source.groups.map((g) => {
      const created = g.createdAt ? Math.floor(Date.parse(g.createdAt) / 1000) : 0;
      return [
        g.id,
        {
          errcode: 0,
          errmsg: 'ok',
          roomname: g.name,
          creator: g.ownerId ?? '',
          room_create_time: created,
          notice: '',
          members: g.memberIds.map((memberid) => ({ memberid, jointime: created })),
        },
      ];
    }),
  );
  const groupsFile = join(dir, 'wecom-groups.json');
  writeFileSync(groupsFile, `${JSON.stringify(details, null, 2)}\n`);
  result.files.push(groupsFile, messagesFile);
  return result;
}
