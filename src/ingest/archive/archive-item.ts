/**
 * What a format reader makes of one record of an export, before anything is stored. Readers are
 * pure mappings (record → item); ArchiveSink does the writing. A group or contact the export
 * describes is handed to the sink directly (ArchiveGroup, ArchiveContact).
 */
import type {
  FileInfo,
  LinkInfo,
  MessageInput,
  MessageType,
  MiniProgramInfo,
  QuoteInfo,
} from '../../model/message.js';
import { detectMentionAll, MENTION_ALL_ID } from '../wechaty/detect-mention-all.js';

export type ArchiveItem =
  | {
      kind: 'message';
      message: MessageInput;
      /** The platform's own type, as counted when unknown (e.g. `49/2001`, `sphfeed`). */
      rawType: string;
      /** The platform type is not in the importer's table: stored as 'other' and counted. */
      unknown: boolean;
      /** The group's name when the export carries it with each message (used if the group is new). */
      groupName?: string | null;
      /** The sender's display name, stored as a contact if the contact is not known yet. */
      senderName?: string | null;
      /**
       * The id is the platform's own and names one message whatever the rendering (chatlog's
       * `talker#seq`): a second copy with differently rendered content is a duplicate, never a conflict.
       */
      sameIdIsSame?: boolean;
    }
  /** Not a group message (private chats, WeCom "switch" records): counted by reason, not stored. */
  | { kind: 'skip'; reason: string }
  | { kind: 'problem'; field: string; problem: string };

export interface ArchiveGroup {
  id: string;
  /** Null keeps the stored name (or '' for a new group). */
  name: string | null;
  ownerId: string | null;
  unit: string | null;
  /** UTC epoch ms. */
  createdAt: number | null;
  /** The roster, or null when the source describes the group without its members. */
  memberIds: string[] | null;
}

export interface ArchiveContact {
  id: string;
  name: string;
  unit: string | null;
}

// Lone surrogates and NULs cannot be stored byte for byte (see interchange-schemas.ts): exports are
// repaired rather than rejected, since one bad character should not cost a message.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function clean(text: string | null | undefined): string | null {
  if (text === null || text === undefined) return null;
  const repaired = text.includes('\0') ? text.replaceAll('\0', '') : text;
  return repaired.replace(LONE_SURROGATE, '\uFFFD');
}

/** Trimmed non-empty string, or null. */
export function nonEmpty(value: unknown): string | null {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return null;
  const t = value.trim();
  return t === '' ? null : t;
}

export interface MessageFields {
  source: string;
  id: string;
  groupId: string;
  senderId: string | null;
  time: number;
  type: MessageType;
  text?: string | null;
  link?: Partial<LinkInfo> | null;
  file?: Partial<FileInfo> | null;
  miniprogram?: Partial<MiniProgramInfo> | null;
  /** The quoted message of a quote reply the source gives apart (`text` is then the reply alone). */
  quote?: Partial<QuoteInfo> | null;
  /** Mentioned ids the source lists (chatlog's `at_user_list`); `notify@all` means @所有人. */
  mentionIds?: readonly string[];
}

/** An excerpt of a quoted text is kept short: it identifies the quoted message, nothing more. */
const EXCERPT_CHARS = 60;

function excerpt(text: string | null): string | null {
  if (text === null) return null;
  const chars = Array.from(text.trim());
  if (chars.length === 0) return null;
  return chars.length > EXCERPT_CHARS ? `${chars.slice(0, EXCERPT_CHARS).join('')}…` : chars.join('');
}

/**
 * The store's message shape from what an export says: text cleaned, empty details null, hashes lower
 * case, @所有人 detected from a text message's text (no export carries WeChat's mention list).
 */
export function buildMessage(f: MessageFields): MessageInput {
  const text = clean(f.text);
  const link = f.link
    ? { title: clean(f.link.title), url: clean(f.link.url), description: clean(f.link.description) }
    : null;
  const file = f.file
    ? { name: clean(f.file.name), size: f.file.size ?? null, sha256: f.file.sha256?.toLowerCase() ?? null }
    : null;
  const app = f.miniprogram
    ? { title: clean(f.miniprogram.title), appName: clean(f.miniprogram.appName) }
    : null;
  const q = f.quote
    ? {
        messageId: clean(f.quote.messageId),
        senderId: clean(f.quote.senderId),
        senderName: clean(f.quote.senderName),
        excerpt: excerpt(clean(f.quote.excerpt)),
      }
    : null;
  const mentioned = f.mentionIds ?? [];
  const message: MessageInput = {
    source: f.source,
    id: f.id,
    groupId: f.groupId,
    senderId: f.senderId,
    time: f.time,
    type: f.type,
    text,
    mentionAll: f.type === 'text' && detectMentionAll(text, mentioned),
    mentionIds: mentioned.filter((id) => id !== MENTION_ALL_ID),
    link: link && (link.title ?? link.url ?? link.description) !== null ? link : null,
    file: file && (file.name ?? file.size ?? file.sha256) !== null ? file : null,
    miniprogram: app && (app.title ?? app.appName) !== null ? app : null,
  };
  // Set only on quote replies, so messages of other sources keep their exact shape.
  if (q) message.quote = q;
  return message;
}
