/**
 * The importer's fast path: a message record checked by hand, field by field, with exactly the rules
 * of the zod schema (interchange-schemas.ts) but without its per-field machinery, which cost more than
 * the rest of a line's validation. It only ever says "valid" or "ask zod": whatever it declines —
 * a problem, or anything it is not sure of — goes to the schema, which words the problem (so problems
 * read exactly as before). Contract: accepts only what the message schema accepts, and returns what
 * the schema would (unknown fields stripped), except that absent optional fields may be present with
 * the value undefined (toMessageInput reads every field with `??`).
 */
import { implausibleTime } from '../../store/plausible-time.js';
import { INTERCHANGE_MESSAGE_TYPES, unstorable, type ValidMessage } from './interchange-schemas.js';
import { parseIsoTime } from './parse-iso-time.js';

const TYPES: ReadonlySet<unknown> = new Set(INTERCHANGE_MESSAGE_TYPES);
const SHA256 = /^[0-9a-fA-F]{64}$/;
const NON_BLANK = /\S/;

type Fields = Record<string, unknown>;

/**
 * A NUL or an unpaired surrogate reaches a parsed string either through a `\u0000` or
 * `\uD8..`–`\uDF..` escape or raw in the line itself. Lines from the line splitter never hold raw
 * ones (it refuses NUL bytes and bytes that are not UTF-8), but the check costs little and keeps
 * the contract for any caller: a line with neither needs no per-string check.
 */
const RISKY_ESCAPE = /\\u(?:0000|[dD][89a-fA-F])/;

/** `isWellFormed` is ES2024 (Node 20 has it; the ES2023 lib does not declare it). */
const isWellFormed = (s: string) => (s as string & { isWellFormed(): boolean }).isWellFormed();

/** Whether every string parsed from `json` can be stored as it is (see RISKY_ESCAPE). */
export function storableLine(json: string): boolean {
  return !RISKY_ESCAPE.test(json) && !json.includes('\u0000') && isWellFormed(json);
}

/**
 * `value` (a parsed JSON object whose kind is "message") as a valid message, or undefined.
 * `storable`: storableLine of the line it was parsed from.
 */
export function wellFormedMessage(value: Fields, now: number, storable = false): ValidMessage | undefined {
  const isId = storable ? isPlainId : isCleanId;
  const isOptionalString = storable ? isPlainOptionalString : isCleanOptionalString;
  const { id, groupId, senderId, time, type, text, mentionAll, mentionIds } = value;
  if (!isId(id) || !isId(groupId) || !isId(senderId) || !TYPES.has(type) || !isOptionalString(text)) return;
  if (mentionAll !== undefined && typeof mentionAll !== 'boolean') return;
  if (mentionIds !== undefined && !(Array.isArray(mentionIds) && mentionIds.every(isId))) return;
  if (typeof time !== 'string') return;
  const parsed = parseIsoTime(time);
  if (!parsed.ok || implausibleTime(parsed.time, now) !== null) return;
  const link = nullishObject(value.link);
  const file = nullishObject(value.file);
  const miniprogram = nullishObject(value.miniprogram);
  const quote = nullishObject(value.quote);
  if (link === false || file === false || miniprogram === false || quote === false) return;
  const record: ValidMessage = {
    kind: 'message',
    id,
    groupId,
    senderId,
    time,
    type: type as ValidMessage['type'],
    text,
    mentionAll,
    mentionIds: mentionIds as string[] | undefined,
  };
  if (link != null) {
    const { title, url, description } = link;
    if (!isOptionalString(title) || !isOptionalString(url) || !isOptionalString(description)) return;
    record.link = { title, url, description };
  } else if (link !== undefined) record.link = link;
  if (file != null) {
    const { name, size, sha256 } = file;
    if (!isOptionalString(name)) return;
    if (size != null && !(Number.isSafeInteger(size) && (size as number) >= 0)) return;
    if (sha256 != null && !(typeof sha256 === 'string' && SHA256.test(sha256))) return;
    record.file = { name, size: size as number | null | undefined, sha256 };
  } else if (file !== undefined) record.file = file;
  if (miniprogram != null) {
    const { title, appName } = miniprogram;
    if (!isOptionalString(title) || !isOptionalString(appName)) return;
    record.miniprogram = { title, appName };
  } else if (miniprogram !== undefined) record.miniprogram = miniprogram;
  if (quote != null) {
    const { messageId, senderId: quotedSender, senderName, excerpt } = quote;
    if (messageId != null && !isId(messageId)) return;
    if (quotedSender != null && !isId(quotedSender)) return;
    if (!isOptionalString(senderName) || !isOptionalString(excerpt)) return;
    record.quote = {
      messageId: messageId as string | null | undefined,
      senderId: quotedSender as string | null | undefined,
      senderName,
      excerpt,
    };
  } else if (quote !== undefined) record.quote = quote;
  return record;
}

function isPlainId(v: unknown): v is string {
  return typeof v === 'string' && NON_BLANK.test(v);
}

function isCleanId(v: unknown): v is string {
  return isPlainId(v) && unstorable(v) === null;
}

function isPlainOptionalString(v: unknown): v is string | null | undefined {
  return v == null || typeof v === 'string';
}

function isCleanOptionalString(v: unknown): v is string | null | undefined {
  return v == null || (typeof v === 'string' && unstorable(v) === null);
}

/** The value if null, undefined or a plain object; false otherwise. */
function nullishObject(v: unknown): Fields | null | undefined | false {
  if (v === undefined || v === null) return v;
  return typeof v === 'object' && !Array.isArray(v) ? (v as Fields) : false;
}
