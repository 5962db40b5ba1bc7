import type { MessageType, StoredMessage, TextClass } from '../model/message.js';

/** The columns every message query selects, in the shape `toStoredMessage` maps. */
export const MESSAGE_COLUMNS = `row_id, source, source_id, group_id, sender_id, time, type, text, text_length,
  mention_all, mention_ids, link_title, link_url, link_description, file_name, file_size, file_hash,
  app_title, app_name, text_class, reply_number, fingerprint,
  quote_message_id, quote_sender_id, quote_sender_name, quote_excerpt`;

export interface MessageRow {
  row_id: number;
  source: string;
  source_id: string;
  group_id: string;
  sender_id: string | null;
  time: number;
  type: string;
  text: string | null;
  text_length: number;
  mention_all: number;
  mention_ids: string | null;
  link_title: string | null;
  link_url: string | null;
  link_description: string | null;
  file_name: string | null;
  file_size: number | null;
  file_hash: string | null;
  app_title: string | null;
  app_name: string | null;
  text_class: string | null;
  reply_number: number | null;
  fingerprint: string | null;
  quote_message_id: string | null;
  quote_sender_id: string | null;
  quote_sender_name: string | null;
  quote_excerpt: string | null;
}

export function toStoredMessage(r: MessageRow): StoredMessage {
  return {
    rowId: r.row_id,
    source: r.source,
    id: r.source_id,
    groupId: r.group_id,
    senderId: r.sender_id,
    time: r.time,
    type: r.type as MessageType,
    text: r.text,
    textLength: r.text_length,
    mentionAll: r.mention_all === 1,
    mentionIds: r.mention_ids ? (JSON.parse(r.mention_ids) as string[]) : [],
    link:
      r.link_title !== null || r.link_url !== null || r.link_description !== null
        ? { title: r.link_title, url: r.link_url, description: r.link_description }
        : null,
    file:
      r.file_name !== null || r.file_size !== null || r.file_hash !== null
        ? { name: r.file_name, size: r.file_size, sha256: r.file_hash }
        : null,
    miniprogram:
      r.app_title !== null || r.app_name !== null ? { title: r.app_title, appName: r.app_name } : null,
    textClass: r.text_class as TextClass | null,
    replyNumber: r.reply_number,
    fingerprint: r.fingerprint,
    quote:
      r.quote_message_id !== null ||
      r.quote_sender_id !== null ||
      r.quote_sender_name !== null ||
      r.quote_excerpt !== null
        ? {
            messageId: r.quote_message_id,
            senderId: r.quote_sender_id,
            senderName: r.quote_sender_name,
            excerpt: r.quote_excerpt,
          }
        : null,
  };
}
