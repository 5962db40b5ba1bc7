/**
 * WeChatMsg / 留痕 CSV (`localId,TalkerId,Type,SubType,IsSender,CreateTime,Status,StrContent,StrTime,
 * Remark,NickName,Sender`, UTF-8 with BOM, one file per chat: `聊天记录/<群名>/<群名>_utf8.csv`).
 * Types are the PC client's raw ones (wechat-content.ts). CreateTime is unix seconds; StrTime the same
 * instant as local text, used when CreateTime is missing.
 *
 * The rows do not name the group: TalkerId is a row number in one account's database, so two
 * accounts' exports can share a TalkerId for different chats. The group id is therefore, in order:
 * the chat id MemoTrace (WeChatMsg's successor) writes into the folder or file name
 * (`名(12345@chatroom)/名.csv`; a chat id that is not a room's marks a private chat, skipped); the
 * roster's id for the group named by the file (`--roster`, matched by group name); TalkerId itself
 * if it is a room id; else `wechatmsg:<TalkerId>:<chat name>` — scoped by the export's chat name, so
 * colliding TalkerIds of different chats stay apart. Message ids are
 * `TalkerId:localId:CreateTime@GROUP` (localId alone repeats across the client's MSG files, TalkerId
 * across accounts). Rows are found by how they begin (`localId,TalkerId,Type,SubType,IsSender,`), so a
 * stray `"` costs one row, named by its line.
 */
import { basename, dirname } from 'node:path';
import { type ArchiveItem, buildMessage, nonEmpty } from './archive-item.js';
import type { ReadContext } from './read-context.js';
import { readCsvFile } from './read-csv-file.js';
import { normaliseWechatGroupId } from './wechat-app-message.js';
import { wechatContent } from './wechat-content.js';

// `名(wxid_abc)` / `名（12345@chatroom）`: the chat id MemoTrace appends to folder and file names. Only
// WeChat's own id shapes count — a room's digits, `wxid_…`, `gh_…` — so a group named 工作群(2026)
// keeps its name and is not taken for a chat id.
const CHAT_ID_SUFFIX = /[(（](\d{5,20}(?:@chatroom)?|wxid_[A-Za-z0-9_-]{1,60}|gh_[A-Za-z0-9_-]{1,60})[)）]$/;

/** `聊天记录/新浜镇党建群/新浜镇党建群_utf8.csv` → 新浜镇党建群 (without a chat id MemoTrace appended). */
export function wechatmsgChatName(file: string): string {
  const name = basename(file).replace(/(?:_utf8)?\.csv$/i, '');
  return (name !== '' ? name : basename(dirname(file))).replace(CHAT_ID_SUFFIX, '').trim();
}

/** The chat id in the file's or its folder's name, if MemoTrace wrote one. */
export function wechatmsgChatId(file: string): string | null {
  const stem = basename(file).replace(/(?:_utf8)?\.csv$/i, '');
  const id = CHAT_ID_SUFFIX.exec(stem)?.[1] ?? CHAT_ID_SUFFIX.exec(basename(dirname(file)))?.[1] ?? null;
  return id === null ? null : normaliseWechatGroupId(id);
}

/**
 * A data row begins `localId,TalkerId,Type,SubType,IsSender,` (see read-csv-file.ts), each field perhaps
 * quoted (a spreadsheet re-save quotes every field).
 */
const ROW_START = /^"?\d{1,12}"?,"?[^,"\n]{1,80}"?,"?\d{1,6}"?,"?\d{0,6}"?,"?[01]?"?,/;

export function wechatmsgRowToItem(
  row: Record<string, string>,
  ctx: ReadContext,
  chat: { name: string; rosterId: string | null; chatId?: string | null },
): ArchiveItem {
  if (chat.chatId && !chat.chatId.endsWith('@chatroom')) return { kind: 'skip', reason: 'private' };
  const talkerId = nonEmpty(row.TalkerId);
  if (!talkerId) return { kind: 'problem', field: 'TalkerId', problem: 'required' };
  const localId = nonEmpty(row.localId);
  if (!localId) return { kind: 'problem', field: 'localId', problem: 'required' };
  const type = Number(row.Type);
  if (!Number.isInteger(type) || row.Type === '')
    return { kind: 'problem', field: 'Type', problem: 'expected a number' };
  const subType = Number(row.SubType) || 0;
  const time = ctx.time.parse(nonEmpty(row.CreateTime) ?? row.StrTime);
  if (!time.ok) return { kind: 'problem', field: 'CreateTime', problem: time.problem };
  const groupId =
    chat.chatId ??
    chat.rosterId ??
    (talkerId.endsWith('@chatroom') ? talkerId : `wechatmsg:${talkerId}:${chat.name}`);
  const { mapped, ...details } = wechatContent(type, subType, row.StrContent ?? '');
  const system = details.type === 'system' || details.type === 'recalled';
  const sender = nonEmpty(row.Sender) ?? (row.IsSender === '1' ? ctx.selfId : null);
  return {
    kind: 'message',
    message: buildMessage({
      source: ctx.source,
      id: `${talkerId}:${localId}:${nonEmpty(row.CreateTime) ?? time.time}@${groupId}`,
      groupId,
      senderId: system && type !== 49 ? null : sender,
      time: time.time,
      ...details,
    }),
    rawType: mapped.raw,
    unknown: mapped.unknown,
    groupName: chat.name,
    senderName: nonEmpty(row.Remark) ?? nonEmpty(row.NickName),
  };
}

export async function readWechatmsgCsv(ctx: ReadContext): Promise<number> {
  const name = wechatmsgChatName(ctx.file);
  const chat = { name, rosterId: ctx.groupIdsByName.get(name) ?? null, chatId: wechatmsgChatId(ctx.file) };
  const info = await readCsvFile(
    ctx.file,
    (r) => {
      if ('problem' in r) ctx.sink.problem(r.line, 'line', r.problem, 'messages');
      else ctx.sink.add(r.line, wechatmsgRowToItem(r.row, ctx, chat));
    },
    { recordStart: ROW_START },
  );
  return info.lines;
}
