/**
 * ChatLab v0.0.2 files, one chat each: JSON (`{chatlab:{version,exportedAt}, meta:{name, platform,
 * type, groupId, ownerId}, members:[{platformId, accountName, groupNickname, roles:[{id}]}],
 * messages:[…]}`) or JSONL (`_type` header / member / message lines, `#` lines are comments).
 * The chat's members become the group's roster (the member with role `owner`, else meta.ownerId, as
 * its owner) and contacts; private chats are skipped. A chat without meta.groupId gets the roster's id
 * for its name, or `chatlab:<platform>:<name>`. ChatLab's WeChat converters write group ids without
 * `@chatroom` (docs/cn/standard/chatlab-format.md); the suffix is put back, so a group imported from
 * ChatLab and from chatlog or PyWxDump is one group.
 */
import { type ArchiveContact, type ArchiveGroup, nonEmpty } from './archive-item.js';
import { chatlabMessageToItem } from './chatlab-message.js';
import { atPath, isRecord, type ReadContext } from './read-context.js';
import { readJsonDocument } from './read-json-document.js';
import { readJsonLines } from './read-json-lines.js';
import { SyntheticIds } from './synthetic-ids.js';
import { normaliseWechatGroupId } from './wechat-app-message.js';

interface Chat {
  group: ArchiveGroup;
  private: boolean;
  contacts: ArchiveContact[];
}

function chatOf(meta: unknown, ctx: ReadContext): Chat | { field: string; problem: string } {
  if (!isRecord(meta)) return { field: 'meta', problem: 'required' };
  const name = nonEmpty(meta.name);
  const given = nonEmpty(meta.groupId);
  // ChatLab writes WeChat group ids without `@chatroom`; other tools keep it: one group either way.
  const platform = nonEmpty(meta.platform);
  const id =
    (given && (platform === null || platform === 'wechat') ? normaliseWechatGroupId(given) : given) ??
    (name
      ? (ctx.groupIdsByName.get(name) ?? `chatlab:${nonEmpty(meta.platform) ?? 'unknown'}:${name}`)
      : null);
  if (!id) return { field: 'meta.groupId', problem: 'required when meta.name is missing' };
  return {
    group: { id, name, ownerId: nonEmpty(meta.ownerId), unit: null, createdAt: null, memberIds: null },
    private: meta.type === 'private',
    contacts: [],
  };
}

function addMember(chat: Chat, member: unknown): void {
  if (!isRecord(member)) return;
  const id = nonEmpty(member.platformId);
  if (!id) return;
  chat.group.memberIds = [...(chat.group.memberIds ?? []), id];
  const roles = Array.isArray(member.roles) ? member.roles : [];
  if (roles.some((r) => isRecord(r) && r.id === 'owner')) chat.group.ownerId = id;
  const name = nonEmpty(member.groupNickname) ?? nonEmpty(member.accountName);
  if (name) chat.contacts.push({ id, name, unit: null });
}

function writeChat(ctx: ReadContext, line: number, chat: Chat): void {
  if (chat.private) return;
  ctx.sink.group(line, chat.group);
  for (const c of chat.contacts) ctx.sink.contact(line, c, true);
}

export async function readChatlabJson(ctx: ReadContext): Promise<number> {
  const doc = await readJsonDocument(ctx.file);
  if (!doc.ok) {
    ctx.sink.problem(0, 'file', doc.problem);
    return 0;
  }
  const value = isRecord(doc.value) ? doc.value : {};
  const chat = chatOf(value.meta, ctx);
  if ('problem' in chat) {
    ctx.sink.problem(0, chat.field, chat.problem);
    return doc.lines;
  }
  for (const member of Array.isArray(value.members) ? value.members : []) addMember(chat, member);
  writeChat(ctx, 0, chat);
  const ids = new SyntheticIds();
  const messages = Array.isArray(value.messages) ? value.messages : [];
  messages.forEach((m, i) => {
    if (chat.private) ctx.sink.add(0, { kind: 'skip', reason: 'private' });
    else
      ctx.sink.add(
        0,
        atPath(
          chatlabMessageToItem(m, { groupId: chat.group.id, source: ctx.source }, ctx.time, ids),
          `messages[${i}]`,
        ),
      );
  });
  return doc.lines;
}

export async function readChatlabJsonl(ctx: ReadContext): Promise<number> {
  // A holder, not a `let`: TypeScript does not follow assignments made inside the callback.
  const state: { chat: Chat | null } = { chat: null };
  const ids = new SyntheticIds();
  const lines = await readJsonLines(ctx.file, (l) => {
    if ('problem' in l) {
      ctx.sink.problem(l.line, 'line', l.problem);
      return;
    }
    const v = l.value;
    const kind = isRecord(v) ? v._type : undefined;
    const chat = state.chat;
    if (kind === 'header') {
      const next = chatOf(isRecord(v) ? v.meta : undefined, ctx);
      if ('problem' in next) ctx.sink.problem(l.line, next.field, next.problem);
      else state.chat = next;
    } else if (!chat) {
      ctx.sink.problem(l.line, '_type', 'the first line must be the header (_type "header")');
    } else if (kind === 'member') {
      addMember(chat, v);
    } else if (kind === 'message') {
      if (chat.private) ctx.sink.add(l.line, { kind: 'skip', reason: 'private' });
      else {
        const item = chatlabMessageToItem(v, { groupId: chat.group.id, source: ctx.source }, ctx.time, ids);
        // The group is created bare by its first message; its roster is written once, at the end,
        // since member lines may follow messages (one roster per import keeps re-imports no-ops).
        ctx.sink.add(l.line, item.kind === 'message' ? { ...item, groupName: chat.group.name } : item);
      }
    } else {
      ctx.sink.problem(l.line, '_type', 'expected "header", "member" or "message"');
    }
  });
  if (state.chat) writeChat(ctx, lines, state.chat);
  return lines;
}
