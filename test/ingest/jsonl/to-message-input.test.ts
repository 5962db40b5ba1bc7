import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  createInterchangeSchemas,
  type ValidContact,
  type ValidGroup,
  type ValidMessage,
} from '../../../src/ingest/jsonl/interchange-schemas.js';
import { toMessageInput } from '../../../src/ingest/jsonl/to-message-input.js';
import type { ContactRecord, GroupRecord, MessageRecord } from '../../../src/model/interchange.js';
import { NOW } from './interchange-lines.js';

const schemas = createInterchangeSchemas({ now: NOW });
const base = {
  kind: 'message',
  id: 'm-1',
  groupId: 'g-1',
  senderId: 'u-1',
  time: '2026-11-17T09:12:05+08:00',
  type: 'text',
};
const convert = (overrides: Record<string, unknown>) =>
  toMessageInput(schemas.message.parse({ ...base, ...overrides }), 'jsonl');

describe('toMessageInput', () => {
  it('keeps the schemas in step with the record types of src/model/interchange.ts', () => {
    expectTypeOf<ValidGroup>().toExtend<GroupRecord>();
    expectTypeOf<ValidContact>().toExtend<ContactRecord>();
    expectTypeOf<ValidMessage>().toExtend<MessageRecord>();
    const keys = (o: object) => Object.keys(o).sort();
    expect(keys(schemas.message.shape)).toEqual(
      keys({
        kind: 0,
        id: 0,
        groupId: 0,
        senderId: 0,
        time: 0,
        type: 0,
        text: 0,
        mentionAll: 0,
        mentionIds: 0,
        link: 0,
        file: 0,
        miniprogram: 0,
        quote: 0,
      } satisfies Record<keyof MessageRecord, 0>),
    );
    expect(keys(schemas.group.shape)).toEqual(
      keys({ kind: 0, id: 0, name: 0, ownerId: 0, memberIds: 0, unit: 0, createdAt: 0 } satisfies Record<
        keyof GroupRecord,
        0
      >),
    );
  });

  it('fills what a minimal record leaves out', () => {
    expect(convert({})).toEqual({
      source: 'jsonl',
      id: 'm-1',
      groupId: 'g-1',
      senderId: 'u-1',
      time: Date.UTC(2026, 10, 17, 1, 12, 5),
      type: 'text',
      text: null,
      mentionAll: false,
      mentionIds: [],
      link: null,
      file: null,
      miniprogram: null,
    });
  });

  it.each([
    ['@所有人\u2005明天上午九点开会', {}, true],
    ['请 @所有人 注意', {}, true],
    ['@所有人', {}, true],
    ['收到', { mentionAll: true }, true],
    ['收到', { mentionIds: ['notify@all'] }, true],
    ['@所有人员名单见附件', {}, false],
    ['所有人请注意', {}, false],
    ['@王军\u2005收到', { mentionIds: ['u-wangjun'] }, false],
    ['@所有人 (recall id, not text)', { type: 'recalled' }, false],
    ['@所有人 link title', { type: 'link' }, false],
  ])('mention-all of %j %j is %s', (text, extra, expected) => {
    expect(convert({ text, ...extra }).mentionAll).toBe(expected);
  });

  it('keeps real mention ids but not the pseudo-id for everyone', () => {
    expect(convert({ mentionIds: ['u-2', 'notify@all', 'u-3'] }).mentionIds).toEqual(['u-2', 'u-3']);
  });

  it('normalises hashes and empty detail objects', () => {
    const hash = 'ABCDEF0123456789'.repeat(4);
    expect(convert({ type: 'file', file: { sha256: hash } }).file).toEqual({
      name: null,
      size: null,
      sha256: hash.toLowerCase(),
    });
    expect(convert({ type: 'link', link: { title: null, url: null } }).link).toBeNull();
    expect(convert({ type: 'miniprogram', miniprogram: {} }).miniprogram).toBeNull();
    expect(convert({ type: 'miniprogram', miniprogram: { appName: '群接龙' } }).miniprogram).toEqual({
      title: null,
      appName: '群接龙',
    });
  });
});
