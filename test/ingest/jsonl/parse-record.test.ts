import { describe, expect, it } from 'vitest';
import { createInterchangeSchemas } from '../../../src/ingest/jsonl/interchange-schemas.js';
import { parseRecord } from '../../../src/ingest/jsonl/parse-record.js';

const now = Date.UTC(2026, 10, 20);
const schemas = createInterchangeSchemas({ now });

// The examples of issue 2, verbatim.
const GROUP =
  '{"kind":"group","id":"g-dangjian","name":"街道党建工作群","ownerId":"u-wangjun","memberIds":["u-wangjun","u-lina"],"unit":"新浜街道党建办","createdAt":"2025-03-02T10:00:00+08:00"}';
const CONTACT = '{"kind":"contact","id":"u-lina","name":"李娜","unit":"东湖社区"}';
const MESSAGE =
  '{"kind":"message","id":"m-000123","groupId":"g-dangjian","senderId":"u-lina","time":"2026-11-17T09:12:05+08:00","type":"text","text":"收到","mentionAll":false,"mentionIds":[]}';

const message = (overrides: Record<string, unknown>, drop: string[] = []) => {
  const record: Record<string, unknown> = { ...JSON.parse(MESSAGE), ...overrides };
  for (const key of drop) delete record[key];
  return JSON.stringify(record);
};

describe('parseRecord', () => {
  it('accepts the examples of the format and ignores unknown fields', () => {
    for (const line of [GROUP, CONTACT, MESSAGE])
      expect(parseRecord(line, schemas)).toMatchObject({ ok: true });
    const result = parseRecord(message({ extra: { nested: true }, avatar: 'x' }), schemas);
    expect(result.ok && result.record).not.toHaveProperty('extra');
  });

  it.each([
    ['optional fields left out', '{"kind":"group","id":"g","name":"群","memberIds":[]}'],
    [
      'optional fields null',
      '{"kind":"group","id":"g","name":"","ownerId":null,"memberIds":["u"],"unit":null,"createdAt":null}',
    ],
    ['a contact without unit', '{"kind":"contact","id":"u","name":"王"}'],
    [
      'a link card',
      message({ type: 'link', text: null, link: { title: '通知', url: 'https://a.cn', description: null } }),
    ],
    ['a file', message({ type: 'file', file: { name: 'a.docx', size: 0, sha256: 'AB'.repeat(32) } })],
    ['a mini program', message({ type: 'miniprogram', miniprogram: { title: '#接龙', appName: '群接龙' } })],
    ['a recall', message({ type: 'recalled', text: 'm-000122' }, ['mentionAll', 'mentionIds'])],
    ['a time less than a day ahead', message({ time: new Date(now + 23 * 3600_000).toISOString() })],
  ])('accepts %s', (_name, line) => {
    expect(parseRecord(line, schemas)).toMatchObject({ ok: true });
  });

  it.each([
    ['truncated line', MESSAGE.slice(0, 60), null, 'line', 'invalid JSON: ends early (truncated line?)'],
    ['invalid JSON', '{"kind":"message",}', null, 'line', 'invalid JSON at character 19'],
    ['two objects on a line', `${CONTACT} ${CONTACT}`, null, 'line', 'invalid JSON'],
    ['a JSON array', '[1,2]', null, 'line', 'expected a JSON object, got array'],
    ['a JSON string', '"收到"', null, 'line', 'expected a JSON object, got string'],
    ['no kind', '{"id":"u"}', null, 'kind', 'required'],
    [
      'unknown kind',
      '{"kind":"room","id":"g"}',
      null,
      'kind',
      'unknown kind "room" (expected group, contact or message)',
    ],
    ['kind of wrong case', '{"kind":"Message"}', null, 'kind', 'unknown kind "Message"'],
    ['kind not a string', '{"kind":["message"]}', null, 'kind', 'unknown kind an array'],
    ['missing id', message({}, ['id']), 'message', 'id', 'required'],
    ['empty id', message({ id: '' }), 'message', 'id', 'must be a non-empty id'],
    ['blank sender id', message({ senderId: ' \t' }), 'message', 'senderId', 'must be a non-empty id'],
    ['numeric id', message({ id: 123 }), 'message', 'id', 'expected string, got number'],
    ['missing group id', message({}, ['groupId']), 'message', 'groupId', 'required'],
    [
      'unknown type',
      message({ type: 'video' }),
      'message',
      'type',
      'unknown type "video" (expected one of text,',
    ],
    ['store-only type other', message({ type: 'other' }), 'message', 'type', 'unknown type "other"'],
    ['missing type', message({}, ['type']), 'message', 'type', 'required'],
    [
      'mentionAll as string',
      message({ mentionAll: 'true' }),
      'message',
      'mentionAll',
      'expected boolean, got string',
    ],
    [
      'mentionIds not an array',
      message({ mentionIds: 'u-1' }),
      'message',
      'mentionIds',
      'expected array, got string',
    ],
    [
      'an empty mention id',
      message({ mentionIds: ['u-1', ''] }),
      'message',
      'mentionIds.1',
      'must be a non-empty id',
    ],
    ['text as number', message({ text: 5 }), 'message', 'text', 'expected string, got number'],
    [
      'time without offset',
      message({ time: '2026-11-17T09:12:05' }),
      'message',
      'time',
      'missing timezone offset',
    ],
    ['time as epoch ms', message({ time: 1794877925000 }), 'message', 'time', 'expected string, got number'],
    [
      'far-future time',
      message({ time: '2026-11-21T00:00:01Z' }),
      'message',
      'time',
      'more than 1 day in the future',
    ],
    [
      'negative file size',
      message({ type: 'file', file: { size: -1 } }),
      'message',
      'file.size',
      'must be at least 0',
    ],
    [
      'fractional size',
      message({ type: 'file', file: { size: 1.5 } }),
      'message',
      'file.size',
      'expected an integer',
    ],
    [
      'size as string',
      message({ type: 'file', file: { size: '12' } }),
      'message',
      'file.size',
      'expected number, got string',
    ],
    [
      'short sha256',
      message({ type: 'file', file: { sha256: 'abc' } }),
      'message',
      'file.sha256',
      '64 hexadecimal',
    ],
    [
      'non-hex sha256',
      message({ type: 'file', file: { sha256: 'g'.repeat(64) } }),
      'message',
      'file.sha256',
      '64 hexadecimal',
    ],
    [
      'link not an object',
      message({ type: 'link', link: 'https://a.cn' }),
      'message',
      'link',
      'expected object, got string',
    ],
    ['escaped NUL in text', message({ text: 'a\u0000b' }), 'message', 'text', 'contains a NUL character'],
    ['lone surrogate in text', message({ text: 'a\ud800b' }), 'message', 'text', 'unpaired UTF-16 surrogate'],
    ['group without members', '{"kind":"group","id":"g","name":"群"}', 'group', 'memberIds', 'required'],
    ['group without name', '{"kind":"group","id":"g","memberIds":[]}', 'group', 'name', 'required'],
    [
      'group created without offset',
      '{"kind":"group","id":"g","name":"群","memberIds":[],"createdAt":"2025-03-02"}',
      'group',
      'createdAt',
      'not an ISO-8601 time',
    ],
    [
      'contact with a numeric name',
      '{"kind":"contact","id":"u","name":7}',
      'contact',
      'name',
      'expected string, got number',
    ],
  ])('refuses %s', (_name, line, kind, field, problem) => {
    const result = parseRecord(line, schemas);
    expect(result).toMatchObject({ ok: false, kind, field });
    expect(!result.ok && result.problem).toContain(problem);
  });

  it.each(['kind', 'type', 'id', 'mentionIds', 'link', 'file', 'unknownField'])(
    'survives 300,000 levels of nesting in %s',
    (key) => {
      const deep = `${'['.repeat(300_000)}${']'.repeat(300_000)}`;
      const line = message({ [key]: 0 }).replace(`"${key}":0`, `"${key}":${deep}`);
      const result = parseRecord(line, schemas);
      expect(result.ok).toBe(key === 'unknownField');
      if (!result.ok) expect(result.field.startsWith(key)).toBe(true);
    },
  );

  it('counts further problems of the same line', () => {
    const result = parseRecord(message({ id: '', type: 'video', time: 'soon' }), schemas);
    expect(result).toMatchObject({
      ok: false,
      field: 'id',
      problem: 'must be a non-empty id (and 2 more problems)',
    });
  });

  it('never quotes message text in a problem', () => {
    const secret = '机密：请勿外传的通知正文';
    for (const line of [
      `{"kind":"message","text":"${secret}`,
      `{"kind":"message","text":"${secret}"}x`,
      message({ text: `${secret}\u0000` }),
    ]) {
      const result = parseRecord(line, schemas);
      expect(result.ok).toBe(false);
      expect(JSON.stringify(result)).not.toContain('机密');
    }
  });
});
