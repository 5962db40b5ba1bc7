/**
 * StoredMessage fixtures for the duplicate-notice tests: one call per message, times in minutes from
 * a fixed Monday morning (2026-11-16 09:00 Asia/Shanghai), ids numbered in creation order.
 */
import type {
  FileInfo,
  LinkInfo,
  MessageType,
  StoredMessage,
  TextClass,
} from '../../../src/model/message.js';

export const WEEK_START = Date.UTC(2026, 10, 16, 1, 0);

export interface MessageSpec {
  group?: string;
  sender?: string;
  /** Minutes after WEEK_START. */
  at?: number;
  type?: MessageType;
  text?: string | null;
  link?: Partial<LinkInfo>;
  file?: Partial<FileInfo>;
  id?: string;
  /** For a text the store dropped: what it kept instead (src/privacy/storage-policy.ts). */
  dropped?: { fingerprint: string | null; textLength: number; textClass?: TextClass | null };
}

export function createMessageFactory(): (spec: MessageSpec) => StoredMessage {
  let next = 0;
  return (spec) => {
    next++;
    const type = spec.type ?? (spec.link ? 'link' : spec.file ? 'file' : 'text');
    const text = spec.text ?? null;
    return {
      source: 'test',
      id: spec.id ?? `m${next}`,
      rowId: next,
      groupId: spec.group ?? 'g1@chatroom',
      senderId: spec.sender ?? 'u1',
      time: WEEK_START + (spec.at ?? next) * 60_000,
      type,
      text,
      textLength: text?.length ?? 0,
      mentionAll: text?.includes('@所有人') ?? false,
      mentionIds: [],
      link: spec.link ? { title: null, url: null, description: null, ...spec.link } : null,
      file: spec.file ? { name: null, size: null, sha256: null, ...spec.file } : null,
      miniprogram: null,
      ...(spec.dropped
        ? {
            textLength: spec.dropped.textLength,
            fingerprint: spec.dropped.fingerprint,
            textClass: spec.dropped.textClass ?? 'notice',
          }
        : {}),
    };
  };
}

/** Sorts like WeekData.messages: by time, then rowId. */
export function weekOrder(messages: StoredMessage[]): StoredMessage[] {
  return [...messages].sort((a, b) => a.time - b.time || a.rowId - b.rowId);
}
