import type { FileInfo, LinkInfo, MessageInput, MiniProgramInfo, QuoteInfo } from '../../model/message.js';
import { detectMentionAll, MENTION_ALL_ID } from '../wechaty/detect-mention-all.js';
import type { ValidMessage } from './interchange-schemas.js';
import { isoTimeToEpoch } from './parse-iso-time.js';

/**
 * A validated message record → the store's shape: time in epoch ms, absent fields null, sha256
 * lower-case, an all-empty link/file/mini program as null. @所有人 counts when the record says so OR
 * a text message's text or mention ids carry it (exports often lack the flag; detection is shared with
 * the Wechaty recorder). The sender is kept as given,
 * declared or not: senders leave groups and exports often omit their contact records.
 */
export function toMessageInput(record: ValidMessage, source: string): MessageInput {
  const text = record.text ?? null;
  const m: MessageInput = {
    source,
    id: record.id,
    groupId: record.groupId,
    senderId: record.senderId,
    time: isoTimeToEpoch(record.time),
    type: record.type,
    text,
    mentionAll:
      record.mentionAll === true || (record.type === 'text' && detectMentionAll(text, record.mentionIds)),
    // Like the recorder: the pseudo-id for everyone becomes the flag, not a mentioned person.
    mentionIds: (record.mentionIds ?? []).filter((id) => id !== MENTION_ALL_ID),
    link: toLink(record.link),
    file: toFile(record.file),
    miniprogram: toMiniProgram(record.miniprogram),
  };
  // Absent, the store's policy still looks for a quote wrapped in the text (src/text/quote.ts).
  const quote = record.quote == null ? null : toQuote(record.quote);
  if (quote !== null) m.quote = quote;
  return m;
}

function toQuote(quote: ValidMessage['quote']): QuoteInfo | null {
  const messageId = quote?.messageId ?? null;
  const senderId = quote?.senderId ?? null;
  const senderName = quote?.senderName ?? null;
  const excerpt = quote?.excerpt ?? null;
  return messageId === null && senderId === null && senderName === null && excerpt === null
    ? null
    : { messageId, senderId, senderName, excerpt };
}

function toLink(link: ValidMessage['link']): LinkInfo | null {
  const title = link?.title ?? null;
  const url = link?.url ?? null;
  const description = link?.description ?? null;
  return title === null && url === null && description === null ? null : { title, url, description };
}

function toFile(file: ValidMessage['file']): FileInfo | null {
  const name = file?.name ?? null;
  const size = file?.size ?? null;
  const sha256 = file?.sha256?.toLowerCase() ?? null;
  return name === null && size === null && sha256 === null ? null : { name, size, sha256 };
}

function toMiniProgram(app: ValidMessage['miniprogram']): MiniProgramInfo | null {
  const title = app?.title ?? null;
  const appName = app?.appName ?? null;
  return title === null && appName === null ? null : { title, appName };
}
