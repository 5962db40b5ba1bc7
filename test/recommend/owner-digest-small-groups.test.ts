/**
 * Issue 13 item 2: an owner digest (周报) shows no figure about a group of fewer than minPeople
 * members — not on its line, and not by subtracting the other groups from the digest's totals,
 * burden counts, chart or recommendations.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configSchema } from '../../src/config/schema.js';
import { importJsonl } from '../../src/ingest/jsonl/import-jsonl.js';
import type { InterchangeRecord } from '../../src/model/interchange.js';
import { Store } from '../../src/store/store.js';
import { type OwnerDigest, ownerDigestsNow } from '../../src/weeks/owner-digests.js';

const OWNER = 'u-0001';
const members = (from: number, n: number) =>
  Array.from({ length: n }, (_, i) => `u-${String(from + i).padStart(4, '0')}`);
const at = (day: number, hour: number) =>
  `2026-11-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:05:00+08:00`;

function records(): InterchangeRecord[] {
  const out: InterchangeRecord[] = [
    {
      kind: 'group',
      id: 'g-big@chatroom',
      name: '大群',
      unit: '党政办',
      ownerId: OWNER,
      memberIds: members(1, 8),
      createdAt: '2026-01-05T09:00:00+08:00',
    },
    {
      kind: 'group',
      id: 'g-small@chatroom',
      name: '三人小组',
      unit: '党政办',
      ownerId: OWNER,
      memberIds: [OWNER, ...members(20, 2)],
      createdAt: '2026-01-05T09:00:00+08:00',
    },
  ];
  // 6 messages in the big group, 7 in the small one (2 of them @所有人, 3 off hours).
  for (let i = 0; i < 6; i++)
    out.push({
      kind: 'message',
      id: `b-${i}`,
      groupId: 'g-big@chatroom',
      senderId: members(1, 8)[i] as string,
      time: at(16 + (i % 4), 10),
      type: 'text',
      text: `大群第 ${i} 条消息`,
    });
  for (let i = 0; i < 7; i++)
    out.push({
      kind: 'message',
      id: `s-${i}`,
      groupId: 'g-small@chatroom',
      senderId: OWNER,
      time: at(16 + (i % 4), i < 3 ? 22 : 11),
      type: 'text',
      text: i < 2 ? `@所有人 小组第 ${i} 条通知，请各位今天下班前报送材料` : `小组第 ${i} 条消息`,
    });
  return out;
}

let store: Store;
let digest: OwnerDigest;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'qingqun-small-digest-'));
  const file = join(dir, 'town.jsonl');
  writeFileSync(
    file,
    `${records()
      .map((r) => JSON.stringify(r))
      .join('\n')}\n`,
  );
  store = new Store(join(dir, 'test.sqlite'));
  const summary = await importJsonl(store, [file], { now: Date.parse('2027-01-01T00:00:00Z') });
  expect(summary.rejected).toBe(0);
  const config = configSchema.parse({ locale: 'zh-CN' });
  digest = ownerDigestsNow(store, config, '2026-W47', { ownerId: OWNER })[0] as OwnerDigest;
});

afterAll(() => store?.close());

describe('an owner digest with a group of three members', () => {
  it('lists the small group by name with no figures', () => {
    const text = digest.parts.join('\n');
    const line = text.split('\n').find((l) => l.includes('三人小组')) as string;
    expect(line).toBe('· 三人小组：成员不足 5 人，不显示数字');
  });

  it('counts only the shown groups in its totals, so nothing can be subtracted', () => {
    const text = digest.parts.join('\n');
    // Totals are the big group's alone: 6 messages, none off hours, no @所有人.
    expect(text).toContain('消息 6 条');
    expect(text).toMatch(/@所有人 0 次/);
    expect(text).not.toMatch(/消息 13/);
    // No number from the small group anywhere: 7 messages, 2 @所有人, 3 off hours.
    for (const line of text.split('\n').filter((l) => l.includes('三人小组')))
      expect(line).not.toMatch(/\d+ 条|\d+ 次|（\d+ 人）/);
    expect(digest.recommendationIds.every((id) => !id.includes('g-small'))).toBe(true);
  });
});
