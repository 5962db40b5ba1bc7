/**
 * The one normalised shape every source (Wechaty, JSON Lines, archive importers) is mapped to
 * before it is stored, and the shape the detectors read back.
 */
export const MESSAGE_TYPES = [
  'text',
  'link',
  'file',
  'image',
  'miniprogram',
  'emoticon',
  'recalled',
  'system',
  'other',
] as const;

export type MessageType = (typeof MESSAGE_TYPES)[number];

export interface LinkInfo {
  title: string | null;
  url: string | null;
  description: string | null;
}

export interface FileInfo {
  name: string | null;
  size: number | null;
  /** Lower-case hex sha256 of the content, or another content hash when the source has no sha256. */
  sha256: string | null;
}

export interface MiniProgramInfo {
  title: string | null;
  appName: string | null;
}

/**
 * What a quote reply (引用回复) says about the message it quotes. Sources wrap the quote inside the
 * reply's text (WeChat 「name：quoted」 + a dashed line, WeCom 这是一条引用/回复消息：, chatlog's `> ` lines)
 * or give it apart (chatlog type 49/57 `contents.refer`). The reply's `text` never includes the quote:
 * only the reply is classified, and the quote never makes a message an @所有人, a notice or a demand.
 * `excerpt` is subject to the storage policy like any text (docs/PRIVACY.md).
 */
export interface QuoteInfo {
  /** The quoted message's source id, when the source gives it. */
  messageId: string | null;
  /** The quoted message's sender id, when the source gives it. */
  senderId: string | null;
  /** The quoted sender's display name as the source shows it. */
  senderName: string | null;
  /** The quoted text (or the start of it), when kept. */
  excerpt: string | null;
}

/** A message as it enters the store. `id` is the source's own id: (source, id) is unique. */
export interface MessageInput {
  source: string;
  id: string;
  groupId: string;
  senderId: string | null;
  /** UTC epoch milliseconds. */
  time: number;
  type: MessageType;
  /** Text content; for a recall, the recalled message's source id. May be dropped by storage policy. */
  text: string | null;
  mentionAll: boolean;
  mentionIds: string[];
  link: LinkInfo | null;
  file: FileInfo | null;
  miniprogram: MiniProgramInfo | null;
  /** Set when this message is a quote reply; `text` then holds the reply alone. */
  quote?: QuoteInfo | null;
}

/**
 * What a text says, decided once when it is stored (src/text/classify-text.ts), so that the
 * detectors still work when storage policy or retention has dropped the text itself:
 * - 'ack', 'praise', 'number-off': the content-free replies of classifyReply;
 * - 'pat': a 拍一拍 line; 'question': a short question; 'addressed': a short remark to one person
 *   ("小王，材料放你桌上了");
 * - 'roll-call': a #接龙 post; 'instruction': a short demand the detectors read (报数, photo proof,
 *   a deadline); 'notice': long enough to be a notice, or carrying a link;
 * - 'chat': anything else.
 */
export const TEXT_CLASSES = [
  'ack',
  'praise',
  'number-off',
  'pat',
  'question',
  'addressed',
  'roll-call',
  'instruction',
  'notice',
  'chat',
] as const;

export type TextClass = (typeof TEXT_CLASSES)[number];

/**
 * A message as read back for analysis. `id` is the source id (what findings and reports cite);
 * `rowId` is the store's own key. `textLength` survives even when the text was purged.
 */
export interface StoredMessage extends MessageInput {
  rowId: number;
  textLength: number;
  /**
   * The text's class, stored with it (null: no text, a recall, or stored before classes existed).
   * Detectors read it when `text` is null (docs/PRIVACY.md). Optional so fixtures may omit it.
   */
  textClass?: TextClass | null;
  /** The number of a number-off reply ("2.张伟" → 2), kept when its text is not. */
  replyNumber?: number | null;
  /** 64-bit hash (16 hex digits) of the normalised text; lets repeats be counted without the text. */
  fingerprint?: string | null;
}
