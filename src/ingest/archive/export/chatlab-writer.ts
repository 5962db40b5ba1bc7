/**
 * Writes one ChatLab v0.0.2 chat file, JSON or JSONL, streamed (a chat may hold millions of messages).
 * qingqun's types become ChatLab's (text 0, image 1, file 4, emoticon 5, link 7, miniprogram 24 SHARE,
 * system 80, recalled 81, other 99) and details go into `content` by the convention chatlab-message.ts
 * reads back: a link `TITLE\nURL`, a file its name, a mini program `[APP] TITLE`, a recall names the
 * recalled message in replyToMessageId, and so does a quote reply the message it quotes (when known).
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import type { FileInfo, LinkInfo, MessageType, MiniProgramInfo, QuoteInfo } from '../../../model/message.js';
import { detectMentionAll } from '../../wechaty/detect-mention-all.js';

export interface ChatlabInput {
  id: string;
  senderId: string | null;
  /** UTC epoch ms. */
  time: number;
  type: MessageType;
  text: string | null;
  mentionAll: boolean;
  link: Partial<LinkInfo> | null;
  file: Partial<FileInfo> | null;
  miniprogram: Partial<MiniProgramInfo> | null;
  /** A quote reply's quote: its message id becomes ChatLab's replyToMessageId. */
  quote?: QuoteInfo | null;
}

export interface ChatlabChat {
  name: string;
  groupId: string;
  ownerId: string | null;
  members: { id: string; name: string }[];
  /** UTC epoch ms written as exportedAt. */
  exportedAt: number;
}

const TYPE_CODES: Record<MessageType, number> = {
  text: 0,
  image: 1,
  file: 4,
  emoticon: 5,
  link: 7,
  miniprogram: 24,
  system: 80,
  recalled: 81,
  other: 99,
};

function content(m: ChatlabInput): string | null {
  switch (m.type) {
    case 'text':
      return m.mentionAll && !detectMentionAll(m.text) ? `@所有人\u2005${m.text ?? ''}` : m.text;
    case 'image':
      return '[图片]';
    case 'emoticon':
      return '[表情]';
    case 'file':
      return m.file?.name ?? '[文件]';
    case 'link':
      return [m.link?.title, m.link?.url].filter((s) => s).join('\n') || '[链接]';
    case 'miniprogram': {
      const app = m.miniprogram?.appName;
      return app ? `[${app}] ${m.miniprogram?.title ?? ''}`.trim() : (m.miniprogram?.title ?? '[小程序]');
    }
    case 'system':
      return m.text;
    default:
      return null;
  }
}

export function chatlabMessage(m: ChatlabInput, name: (id: string) => string): Record<string, unknown> {
  const sender = m.senderId ?? 'system';
  return {
    platformMessageId: m.id,
    sender,
    accountName: m.senderId ? name(m.senderId) : '系统消息',
    timestamp: Math.floor(m.time / 1000),
    type: TYPE_CODES[m.type],
    content: content(m),
    ...(m.type === 'recalled' && m.text ? { replyToMessageId: m.text } : {}),
    ...(m.type !== 'recalled' && m.quote?.messageId ? { replyToMessageId: m.quote.messageId } : {}),
  };
}

/** Writes the chat to `path`; returns the number of messages written. */
export function writeChatlabFile(
  path: string,
  chat: ChatlabChat,
  messages: Iterable<ChatlabInput>,
  name: (id: string) => string,
  layout: 'json' | 'jsonl' = 'json',
): number {
  const file = openChatlabFile(path, chat, name, layout);
  try {
    for (const m of messages) file.add(m);
    return file.finish();
  } finally {
    file.close();
  }
}

/** writeChatlabFile for messages that arrive asynchronously (a PostgreSQL cursor): the same bytes. */
export async function writeChatlabFileAsync(
  path: string,
  chat: ChatlabChat,
  messages: AsyncIterable<ChatlabInput>,
  name: (id: string) => string,
  layout: 'json' | 'jsonl' = 'json',
): Promise<number> {
  const file = openChatlabFile(path, chat, name, layout);
  try {
    for await (const m of messages) file.add(m);
    return file.finish();
  } finally {
    file.close();
  }
}

/** One chat file being written: the header at once, each message as it comes, the end at finish. */
function openChatlabFile(
  path: string,
  chat: ChatlabChat,
  name: (id: string) => string,
  layout: 'json' | 'jsonl',
): { add(m: ChatlabInput): void; finish(): number; close(): void } {
  const header = {
    chatlab: { version: '0.0.2', exportedAt: Math.floor(chat.exportedAt / 1000), generator: 'qingqun' },
  };
  const meta = {
    name: chat.name,
    platform: 'wechat',
    type: 'group',
    groupId: chat.groupId,
    ...(chat.ownerId ? { ownerId: chat.ownerId } : {}),
  };
  const members = chat.members.map((m) => ({
    platformId: m.id,
    accountName: m.name,
    ...(m.id === chat.ownerId ? { roles: [{ id: 'owner' }] } : {}),
  }));
  const fd = openSync(path, 'w');
  let buffer = '';
  const write = (s: string) => {
    buffer += s;
    if (buffer.length > 1 << 20) {
      writeSync(fd, buffer);
      buffer = '';
    }
  };
  let count = 0;
  let closed = false;
  if (layout === 'jsonl') {
    write(`${JSON.stringify({ _type: 'header', ...header, meta })}\n`);
    for (const m of members) write(`${JSON.stringify({ _type: 'member', ...m })}\n`);
  } else {
    write(`{"chatlab":${JSON.stringify(header.chatlab)},"meta":${JSON.stringify(meta)},`);
    write(`"members":${JSON.stringify(members)},"messages":[`);
  }
  return {
    add(m) {
      if (layout === 'jsonl') write(`${JSON.stringify({ _type: 'message', ...chatlabMessage(m, name) })}\n`);
      else write(`${count === 0 ? '\n' : ',\n'}${JSON.stringify(chatlabMessage(m, name))}`);
      count++;
    },
    finish() {
      if (layout === 'json') write('\n]}\n');
      writeSync(fd, buffer);
      buffer = '';
      return count;
    },
    close() {
      if (closed) return;
      closed = true;
      closeSync(fd);
    },
  };
}

/** A file or directory name from a group name: path separators and control characters replaced. */
export function safeName(name: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
  const cleaned = name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').trim();
  return cleaned === '' ? '_' : cleaned.slice(0, 80);
}
