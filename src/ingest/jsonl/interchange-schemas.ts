/**
 * Zod schemas for the three record kinds of the JSON Lines interchange format
 * (docs/interchange-format.md, types in src/model/interchange.ts). They validate only: converting a
 * valid record (times to epoch ms, nulls, lower-case hashes) is toMessageInput's and
 * writeGroupRecord's job, because zod transforms cost more than the rest of a line's import.
 * Unknown fields are ignored (zod's default strip). Times depend on "now" (far-future times are
 * refused), hence the factory.
 */
import { z } from 'zod';
import { implausibleTime } from '../../store/plausible-time.js';
import { describeValue } from './describe-value.js';
import { parseIsoTime } from './parse-iso-time.js';

/** The message types the interchange format accepts (the store's 'other' is not one of them). */
export const INTERCHANGE_MESSAGE_TYPES = [
  'text',
  'link',
  'file',
  'image',
  'miniprogram',
  'emoticon',
  'recalled',
  'system',
] as const;

/** How far after "now" a time may lie before it is refused as a clock or export error (the shared rule). */
export { FUTURE_TOLERANCE_MS } from '../../store/plausible-time.js';

// Lone surrogates (from "\ud800" escapes) would be silently replaced when SQLite stores UTF-8.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why the store could not keep this string byte for byte, or null. */
export function unstorable(s: string): string | null {
  if (s.includes('\0')) return 'contains a NUL character';
  if (LONE_SURROGATE.test(s)) return 'contains an unpaired UTF-16 surrogate (invalid Unicode)';
  return null;
}

const cleanString = z.string().check((ctx) => {
  const problem = unstorable(ctx.value);
  if (problem) ctx.issues.push({ code: 'custom', message: problem, input: ctx.value });
});
const id = z.string().check((ctx) => {
  const problem = /\S/.test(ctx.value) ? unstorable(ctx.value) : 'must be a non-empty id';
  if (problem) ctx.issues.push({ code: 'custom', message: problem, input: ctx.value });
});
const optionalString = cleanString.nullish();
/** Shape checks only: addresses are the unit's data (docs/interchange-format.md). */
export const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/;
export const WECOM_USER_ID = /^[A-Za-z0-9_.@-]{1,64}$/;

function isoTime(now: number) {
  return z.string().check((ctx) => {
    const parsed = parseIsoTime(ctx.value);
    // The shared rule (src/store/plausible-time.ts): not before WeChat existed, not over a day ahead.
    const problem = !parsed.ok ? parsed.problem : implausibleTime(parsed.time, now);
    if (problem) ctx.issues.push({ code: 'custom', message: problem, input: ctx.value });
  });
}

export function createInterchangeSchemas(options: { now: number }) {
  const time = isoTime(options.now);
  const group = z.object({
    kind: z.literal('group'),
    id,
    name: cleanString,
    ownerId: id.nullish(),
    memberIds: z.array(id),
    unit: optionalString,
    createdAt: time.nullish(),
  });
  const contact = z.object({
    kind: z.literal('contact'),
    id,
    name: cleanString,
    unit: optionalString,
    email: z.string().trim().regex(EMAIL, 'expected an email address like name@example.gov.cn').nullish(),
    wecomUserId: z
      .string()
      .trim()
      .regex(WECOM_USER_ID, 'expected a WeCom user id (1–64 letters, digits, _-.@)')
      .nullish(),
  });
  const message = z.object({
    kind: z.literal('message'),
    id,
    groupId: id,
    senderId: id,
    time,
    type: z.enum(INTERCHANGE_MESSAGE_TYPES, {
      error: (iss) =>
        iss.input === undefined
          ? 'required'
          : `unknown type ${describeValue(iss.input)} (expected one of ${INTERCHANGE_MESSAGE_TYPES.join(', ')})`,
    }),
    text: optionalString,
    mentionAll: z.boolean().optional(),
    mentionIds: z.array(id).optional(),
    link: z.object({ title: optionalString, url: optionalString, description: optionalString }).nullish(),
    file: z
      .object({
        name: optionalString,
        size: z.int().nonnegative().nullish(),
        sha256: z
          .string()
          .regex(/^[0-9a-fA-F]{64}$/, 'expected 64 hexadecimal characters')
          .nullish(),
      })
      .nullish(),
    miniprogram: z.object({ title: optionalString, appName: optionalString }).nullish(),
    quote: z
      .object({
        messageId: id.nullish(),
        senderId: id.nullish(),
        senderName: optionalString,
        excerpt: optionalString,
      })
      .nullish(),
  });
  return { group, contact, message, now: options.now };
}

export type InterchangeSchemas = ReturnType<typeof createInterchangeSchemas>;
export type ValidGroup = z.output<InterchangeSchemas['group']>;
export type ValidContact = z.output<InterchangeSchemas['contact']>;
export type ValidMessage = z.output<InterchangeSchemas['message']>;
export type ValidRecord = ValidGroup | ValidContact | ValidMessage;
