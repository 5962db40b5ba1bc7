/**
 * The JSON Lines interchange format (docs/interchange-format.md): one object per line, each with
 * "kind". The simulator writes it; `qingqun import` reads it. Times are ISO-8601 with an offset.
 */
import type { MessageType } from './message.js';

export interface GroupRecord {
  kind: 'group';
  id: string;
  name: string;
  ownerId?: string | null;
  memberIds: string[];
  unit?: string | null;
  createdAt?: string | null;
}

export interface ContactRecord {
  kind: 'contact';
  id: string;
  name: string;
  unit?: string | null;
}

export interface MessageRecord {
  kind: 'message';
  id: string;
  groupId: string;
  senderId: string;
  time: string;
  type: MessageType;
  text?: string | null;
  mentionAll?: boolean;
  mentionIds?: string[];
  link?: { title?: string | null; url?: string | null; description?: string | null } | null;
  file?: { name?: string | null; size?: number | null; sha256?: string | null } | null;
  miniprogram?: { title?: string | null; appName?: string | null } | null;
  /** A quote reply: what it quotes (docs/interchange-format.md); `text` is then the reply alone. */
  quote?: {
    messageId?: string | null;
    senderId?: string | null;
    senderName?: string | null;
    excerpt?: string | null;
  } | null;
}

export type InterchangeRecord = GroupRecord | ContactRecord | MessageRecord;
