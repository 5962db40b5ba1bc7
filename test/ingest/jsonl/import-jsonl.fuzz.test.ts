import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importJsonl } from '../../../src/ingest/jsonl/import-jsonl.js';
import { Store } from '../../../src/store/store.js';
import { tempStorePath } from '../../fixtures/temp-store.js';
import { contactLine, groupLine, messageLine, NOW, tempDir, writeJsonl } from './interchange-lines.js';
import { dumpStore, sameRowsIn } from './store-dump.js';

const BASE = [
  contactLine(),
  groupLine(),
  groupLine({ id: 'g-2', createdAt: null, memberIds: ['u-lina'] }),
  ...Array.from({ length: 6 }, (_, i) =>
    messageLine({ id: `m-${i}`, groupId: i % 2 ? 'g-2' : 'g-dangjian', text: '收'.repeat(i + 1) }),
  ),
  messageLine({
    id: 'm-file',
    type: 'file',
    text: null,
    file: { name: 'a.pdf', size: 10, sha256: 'ab'.repeat(32) },
  }),
];
const MESSAGE_KEYS = [
  'kind',
  'id',
  'groupId',
  'senderId',
  'time',
  'type',
  'text',
  'mentionAll',
  'mentionIds',
  'link',
  'file',
  'miniprogram',
];

/** A stored message with one field set to anything (or removed): a conflict, a duplicate, a bad line or a new id. */
const mutatedStored = fc
  .record({
    base: fc.integer({ min: 3, max: BASE.length - 1 }),
    key: fc.oneof(fc.constantFrom(...MESSAGE_KEYS), fc.string({ maxLength: 5 })),
    value: fc.oneof(
      fc.jsonValue({ maxDepth: 2 }),
      fc.constant(undefined),
      fc.constantFrom('g-2', 'text', '2026-11-17T09:12:05+08:00', '@所有人 '),
    ),
  })
  .map(({ base, key, value }) => {
    const record = JSON.parse(BASE[base] as string) as Record<string, unknown>;
    record[key] = value;
    return JSON.stringify(record);
  });

/** A group or contact with a fresh id and one field set to anything: never touches stored ones. */
const freshRecord = fc
  .record({
    line: fc.constantFrom(groupLine({ id: 'g-fresh' }), contactLine({ id: 'u-fresh' })),
    key: fc.constantFrom('name', 'memberIds', 'ownerId', 'unit', 'createdAt', 'extra'),
    value: fc.jsonValue({ maxDepth: 2 }),
  })
  .map(({ line, key, value }) => JSON.stringify({ ...JSON.parse(line), [key]: value }));

const anyLine: fc.Arbitrary<Buffer> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 80 }).map((s) => Buffer.from(s)),
  fc.json({ maxDepth: 3 }).map((s) => Buffer.from(s)),
  fc.uint8Array({ maxLength: 40 }).map((a) => Buffer.from(a)),
  mutatedStored.map((s) => Buffer.from(s)),
  fc.tuple(mutatedStored, fc.nat()).map(([s, cut]) => Buffer.from(s.slice(0, cut % (s.length + 1)))),
  freshRecord.map((s) => Buffer.from(s)),
);

describe('importJsonl on arbitrary lines', () => {
  it('never throws, reports every rejection and never changes a stored row', async () => {
    const dir = tempDir();
    // Each run starts from a copy of one imported database, so a counterexample shrinks meaningfully.
    const template = tempStorePath();
    const base = new Store(template);
    await importJsonl(base, [writeJsonl(dir, 'base.jsonl', BASE)], { now: NOW });
    const before = dumpStore(base);
    base.close();
    expect(before.messages).toHaveLength(7);
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(anyLine, { maxLength: 25 }),
        fc.constantFrom('\n', '\r\n'),
        fc.boolean(),
        async (lines, eol, bom) => {
          const bytes = Buffer.concat([
            bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0),
            ...lines.flatMap((l) => [l, Buffer.from(eol)]),
          ]);
          const file = join(dir, `fuzz-${++run}.jsonl`);
          writeFileSync(file, bytes);
          const path = join(dir, `fuzz-${run}.sqlite`);
          copyFileSync(template, path);
          const store = new Store(path);
          try {
            let problems = 0;
            const summary = await importJsonl(store, [file], {
              now: NOW,
              batchSize: 7,
              onProblem: () => problems++,
            });
            expect(problems).toBe(summary.rejected);
            expect(sameRowsIn(before, dumpStore(store))).toEqual(before);
          } finally {
            store.close();
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
