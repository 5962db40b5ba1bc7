/**
 * A message while the simulation builds a week: UTC ms instead of an ISO string, a creation sequence
 * number that breaks time ties, and the id filled in only once the week is sorted (so ids grow with
 * time through the whole stream).
 */
import type { MessageRecord } from '../../model/interchange.js';
import type { MessageType } from '../../model/message.js';
import { formatShanghai } from './sim-clock.js';

export interface SimMessage {
  seq: number;
  ms: number;
  groupId: string;
  senderId: string;
  type: MessageType;
  text: string | null;
  mentionAll: boolean;
  mentionIds: string[] | null;
  link: { title: string; url: string; description: string | null } | null;
  file: { name: string; size: number; sha256: string } | null;
  miniprogram: { title: string; appName: string } | null;
  /** For a recall: the recalled message (its id becomes this message's text). */
  recalls: SimMessage | null;
  /** `m-000001`, assigned after sorting. */
  id: string;
}

/** Shared by every record without mentions (frozen: records are read, never edited). */
const NO_MENTIONS: string[] = Object.freeze([]) as unknown as string[];

/** Chronological order; creation order breaks ties. */
export function byTime(a: SimMessage, b: SimMessage): number {
  return a.ms - b.ms || a.seq - b.seq;
}

export function toMessageRecord(m: SimMessage): MessageRecord {
  const record: MessageRecord = {
    kind: 'message',
    id: m.id,
    groupId: m.groupId,
    senderId: m.senderId,
    time: formatShanghai(m.ms),
    type: m.type,
  };
  const text = m.recalls ? m.recalls.id : m.text;
  if (text !== null) record.text = text;
  record.mentionAll = m.mentionAll;
  record.mentionIds = m.mentionIds ?? NO_MENTIONS;
  if (m.link) record.link = m.link;
  if (m.file) record.file = m.file;
  if (m.miniprogram) record.miniprogram = m.miniprogram;
  return record;
}
