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
}

/**
 * A message as read back for analysis. `id` is the source id (what findings and reports cite);
 * `rowId` is the store's own key. `textLength` survives even when the text was purged.
 */
export interface StoredMessage extends MessageInput {
  rowId: number;
  textLength: number;
}
