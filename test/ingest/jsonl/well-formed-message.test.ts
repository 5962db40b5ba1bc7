import { describe, expect, it } from 'vitest';
import { createInterchangeSchemas } from '../../../src/ingest/jsonl/interchange-schemas.js';
import { parseRecord } from '../../../src/ingest/jsonl/parse-record.js';
import { toMessageInput } from '../../../src/ingest/jsonl/to-message-input.js';
import { storableLine, wellFormedMessage } from '../../../src/ingest/jsonl/well-formed-message.js';
import { NOW } from './interchange-lines.js';

const schemas = createInterchangeSchemas({ now: NOW });
const base: Record<string, unknown> = {
  kind: 'message',
  id: 'm-1',
  groupId: 'g-1',
  senderId: 'u-1',
  time: '2026-11-17T09:12:05+08:00',
  type: 'text',
  text: '请于周五前报送台账',
  mentionAll: false,
  mentionIds: ['u-2'],
};

const STRINGS = ['', ' ', 'x', '收到', 'a\0b', '\ud800', 'ok\ud83d\ude00', '\udc00x'];
const ODD = [undefined, null, 0, -0, 1.5, -1, 2 ** 53, true, [], {}, ['u'], ...STRINGS];
const OBJECTS = [
  { title: 't', url: 'https://a.cn', description: null },
  { title: 1 },
  { name: 'a.docx', size: 12, sha256: 'AB'.repeat(32) },
  { name: 'a.docx', size: -1 },
  { size: 1.5 },
  { size: 2 ** 53 },
  { sha256: 'xyz' },
  { sha256: 'ab'.repeat(32), extra: 1 },
  { title: '#接龙', appName: '群接龙' },
  { appName: ['x'] },
];
const TIMES = [
  '2026-11-17T09:12:05Z',
  '2026-11-17T09:12:05.123456+0800',
  '2026-11-17 09:12:05+08:00',
  '2026-02-30T09:12:05+08:00',
  '2026-11-17T09:12:05',
  new Date(NOW + 23 * 3600_000).toISOString(),
  new Date(NOW + 25 * 3600_000).toISOString(),
];

/** Every field of `base` (and the optional ones) replaced in turn by every odd value. */
function* variants(): Generator<Record<string, unknown>> {
  yield base;
  const fields = [...Object.keys(base), 'link', 'file', 'miniprogram', 'extra'];
  for (const field of fields) {
    if (field === 'kind') continue;
    const values: unknown[] = [...ODD, ...OBJECTS, ['u-1', ''], ['u-1', 'u\0'], 'link', 'system', 'video'];
    if (field === 'time') values.push(...TIMES);
    for (const value of values) {
      const v = { ...base };
      if (value === undefined) delete v[field];
      else v[field] = value;
      yield v;
    }
  }
}

describe('wellFormedMessage (the fast path of parseRecord)', () => {
  it('accepts only what the zod schema accepts, and yields the same message', () => {
    let fast = 0;
    let cases = 0;
    for (const v of variants()) {
      cases++;
      const zod = schemas.message.safeParse(v);
      const record = wellFormedMessage(v, NOW, storableLine(JSON.stringify(v)));
      // The per-string checks give the same answer as the line check.
      expect(wellFormedMessage(v, NOW, false)).toEqual(record);
      if (record) {
        fast++;
        expect(zod.success, JSON.stringify(v)).toBe(true);
        if (zod.success) expect(toMessageInput(record, 's')).toEqual(toMessageInput(zod.data, 's'));
        expect(record).not.toHaveProperty('extra');
      } else {
        // Declining is always safe (zod decides); it must only decline what zod refuses or rare shapes.
        if (zod.success) expect.soft(JSON.stringify(v)).toBe('declined though valid');
      }
    }
    expect(cases).toBeGreaterThan(300);
    expect(fast).toBeGreaterThan(50);
  });

  it('sees every escape that can make a string unstorable', () => {
    for (const s of ['a\0b', '\ud800', 'x\udfff', '\uDBFF\u0041'])
      expect(storableLine(JSON.stringify({ text: s })), JSON.stringify(s)).toBe(false);
    expect(storableLine(JSON.parse('"{\\"text\\":\\"\\\\uD800\\"}"'))).toBe(false);
    for (const s of ['收到', 'ok😀', '\u0041', '\\u0000'])
      expect(storableLine(JSON.stringify({ text: s })), JSON.stringify(s)).toBe(s !== '\\u0000');
  });

  it('sees a raw NUL or lone surrogate in the line itself, not only escapes', () => {
    // JSON.stringify escapes neither a lone surrogate nor NUL here: they are put in raw.
    for (const raw of ['\ud800', 'a\udfffb', 'a\u0000b'])
      expect(storableLine(`{"text":"${raw}"}`), JSON.stringify(raw)).toBe(false);
    expect(storableLine('{"text":"收到😀"}')).toBe(true);
  });

  it('leaves the wording of problems to the schema', () => {
    const line = JSON.stringify({ ...base, file: { size: -1 } });
    expect(parseRecord(line, schemas)).toEqual({
      ok: false,
      kind: 'message',
      field: 'file.size',
      problem: 'must be at least 0',
    });
  });
});
