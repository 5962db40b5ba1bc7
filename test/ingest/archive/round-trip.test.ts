/**
 * The same simulated organisation written in each archive format and imported into a fresh store
 * gives the same per-group message counts by type, and the same @所有人 counts, as its JSON Lines
 * import — except the types a format cannot carry at all, which its writer reports as skipped.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportChatlab } from '../../../src/ingest/archive/export/export-chatlab.js';
import { type ArchiveImportOptions, importArchive } from '../../../src/ingest/archive/import-archive.js';
import { importJsonl } from '../../../src/ingest/jsonl/import-jsonl.js';
import { createSimulation } from '../../../src/ingest/simulate/create-simulation.js';
import type { MessageRecord } from '../../../src/model/interchange.js';
import { MESSAGE_TYPES } from '../../../src/model/message.js';
import { Store } from '../../../src/store/store.js';
import { mentionAllCounts, NOW, typeCounts } from './store-counts.js';
import type { ArchiveSource, WriteResult } from './writers/archive-source.js';
import { writeChatlab } from './writers/write-chatlab.js';
import { writeChatlogCsv, writeChatlogJson } from './writers/write-chatlog.js';
import { writePywxdumpCsv } from './writers/write-pywxdump-csv.js';
import { writeRoster } from './writers/write-roster.js';
import { writeWechatmsgCsv } from './writers/write-wechatmsg-csv.js';
import { writeWecomArchive } from './writers/write-wecom-archive.js';

const dir = mkdtempSync(join(tmpdir(), 'qingqun-roundtrip-'));
const sim = createSimulation({ seed: 11, groups: 10, weeks: 2, messagesPerWeek: 400 });
const records = [...sim.records()];
const source: ArchiveSource = {
  contacts: sim.contacts,
  groups: sim.groups,
  messages: records.filter((r): r is MessageRecord => r.kind === 'message'),
};
const stores: Store[] = [];
let reference: Store;

function freshStore(name: string): Store {
  const store = new Store(join(dir, `${name}.sqlite`));
  stores.push(store);
  return store;
}

beforeAll(async () => {
  const jsonl = join(dir, 'organisation.jsonl');
  writeFileSync(jsonl, `${records.map((r) => JSON.stringify(r)).join('\n')}\n`);
  reference = freshStore('reference');
  const summary = await importJsonl(reference, [jsonl], { now: NOW });
  expect(summary.rejected).toBe(0);
});
afterAll(() => {
  for (const s of stores) s.close();
});

type Writer = (out: string) => WriteResult;
const roster = (out: string) => {
  const path = join(out, 'roster.csv');
  writeRoster(source, path);
  return path;
};

const FORMATS: [string, Writer, (out: string) => ArchiveImportOptions][] = [
  ['wecom', (out) => writeWecomArchive(source, out), () => ({ format: 'wecom' })],
  ['chatlog JSON', (out) => writeChatlogJson(source, out), () => ({ format: 'chatlog' })],
  ['chatlog CSV', (out) => writeChatlogCsv(source, out), () => ({ format: 'chatlog' })],
  [
    'wechatmsg',
    (out) => writeWechatmsgCsv(source, out),
    (out) => ({ format: 'wechatmsg', roster: roster(out) }),
  ],
  ['pywxdump', (out) => writePywxdumpCsv(source, out), () => ({ format: 'pywxdump' })],
  ['chatlab JSON', (out) => writeChatlab(source, out), () => ({ format: 'chatlab' })],
  ['chatlab JSONL', (out) => writeChatlab(source, out, { layout: 'jsonl' }), () => ({ format: 'chatlab' })],
];

describe('round trip through every archive format', () => {
  it('starts from an organisation that uses every interchange type and @所有人', () => {
    const all = Object.values(typeCounts(reference)).flatMap((byType) => Object.keys(byType));
    expect(new Set(all)).toEqual(new Set(MESSAGE_TYPES.filter((t) => t !== 'other')));
    expect(Object.keys(typeCounts(reference)).length).toBeGreaterThanOrEqual(sim.groups.length - 3);
    expect(Object.values(mentionAllCounts(reference)).reduce((a, b) => a + b, 0)).toBeGreaterThan(3);
  });

  it.each(FORMATS)(
    '%s gives the same counts per group and type as JSON Lines',
    async (name, write, options) => {
      const out = join(dir, name.replace(/\W/g, '-'));
      mkdirSync(out);
      const written = write(out);
      const store = freshStore(name.replace(/\W/g, '-'));
      const problems: string[] = [];
      const summary = await importArchive(store, written.files, {
        now: NOW,
        onProblem: (p) => problems.push(String(p)),
        ...options(out),
      });
      expect(problems).toEqual([]);
      expect(summary.unknownTypes).toEqual({});
      const skippedTypes = Object.keys(written.skipped);
      const expected = Object.fromEntries(
        Object.entries(typeCounts(reference)).map(([g, byType]) => [
          g,
          Object.fromEntries(Object.entries(byType).filter(([t]) => !skippedTypes.includes(t))),
        ]),
      );
      expect(typeCounts(store)).toEqual(expected);
      expect(mentionAllCounts(store)).toEqual(mentionAllCounts(reference));
      // What was skipped is exactly what the reference holds of those types.
      for (const type of skippedTypes) {
        const inReference = reference.db
          .prepare('SELECT COUNT(*) FROM messages WHERE type = ?')
          .pluck()
          .get(type);
        expect(written.skipped[type as keyof WriteResult['skipped']]).toBe(inReference);
      }
      // A second import of the same files stores nothing new.
      const again = await importArchive(store, written.files, { now: NOW, ...options(out) });
      expect(again.messages.imported).toBe(0);
      expect(again.messages.duplicate).toBe(summary.messages.imported);
    },
  );

  it('only the WeCom archive loses a type (it has no system lines)', () => {
    const out = join(dir, 'skips');
    mkdirSync(out);
    const skipped = FORMATS.map(([name, write]) => {
      const sub = join(out, name.replace(/\W/g, '-'));
      mkdirSync(sub);
      return [name, write(sub).skipped];
    });
    const systems = reference.db.prepare("SELECT COUNT(*) FROM messages WHERE type = 'system'").pluck().get();
    expect(Object.fromEntries(skipped)).toEqual({
      wecom: { system: systems },
      'chatlog JSON': {},
      'chatlog CSV': {},
      wechatmsg: {},
      pywxdump: {},
      'chatlab JSON': {},
      'chatlab JSONL': {},
    });
  });
});

describe('qingqun export --format chatlab', () => {
  it('writes every stored group as a ChatLab file that imports back to the same counts', async () => {
    const out = join(dir, 'export-chatlab');
    const result = exportChatlab(reference, { outDir: out, now: NOW });
    expect(result.groups).toBe(sim.groups.length);
    expect(result.messages).toBe((source.messages as MessageRecord[]).length);
    const store = freshStore('export-chatlab');
    const summary = await importArchive(store, result.files, { now: NOW });
    expect(summary.rejected).toBe(0);
    expect(typeCounts(store)).toEqual(typeCounts(reference));
    expect(mentionAllCounts(store)).toEqual(mentionAllCounts(reference));
    for (const g of sim.groups) {
      expect(store.groups.find(g.id)).toMatchObject({ name: g.name, ownerId: g.ownerId });
      expect(store.snapshots.membersAt(g.id, NOW)).toEqual([...new Set(g.memberIds)].sort());
    }
  });

  it('writes what ChatLab reads: version, meta, members with the owner role, names, seconds', () => {
    const g = sim.groups[0];
    if (!g) throw new Error('no group');
    const result = exportChatlab(reference, {
      outDir: join(dir, 'export-one'),
      groupIds: [g.id, 'nope@chatroom'],
      now: NOW,
    });
    expect(result.missing).toEqual(['nope@chatroom']);
    const doc = JSON.parse(readFileSync(result.files[0] as string, 'utf8'));
    expect(doc.chatlab).toEqual({ version: '0.0.2', exportedAt: NOW / 1000, generator: 'qingqun' });
    expect(doc.meta).toEqual({
      name: g.name,
      platform: 'wechat',
      type: 'group',
      groupId: g.id,
      ownerId: g.ownerId,
    });
    const owner = doc.members.find((m: { roles?: unknown }) => m.roles);
    expect(owner).toEqual({
      platformId: g.ownerId,
      accountName: sim.contacts.find((c) => c.id === g.ownerId)?.name,
      roles: [{ id: 'owner' }],
    });
    const mine = (source.messages as MessageRecord[]).filter((m) => m.groupId === g.id);
    expect(mine.length).toBeGreaterThan(0);
    expect(doc.messages).toHaveLength(mine.length);
    expect(doc.messages[0].timestamp).toBe(Date.parse(mine[0]?.time as string) / 1000);
  });

  it('writes JSONL for very large groups, readable the same way', async () => {
    const result = exportChatlab(reference, { outDir: join(dir, 'export-jsonl'), layout: 'jsonl', now: NOW });
    const store = freshStore('export-jsonl');
    await importArchive(store, result.files, { now: NOW });
    expect(typeCounts(store)).toEqual(typeCounts(reference));
  });
});

describe('roster files written from an organisation', () => {
  it.each(['csv', 'yaml'] as const)(
    '%s describes the same groups and rosters as the JSON Lines import',
    async (layout) => {
      const path = join(dir, `roster.${layout}`);
      writeRoster(source, path, layout);
      const store = freshStore(`roster-${layout}`);
      const summary = await importArchive(store, [], { now: NOW, roster: path });
      expect(summary.rejected).toBe(0);
      for (const g of sim.groups) {
        const { firstSeen: _a, lastSeen: _b, ...described } = reference.groups.find(g.id) ?? {};
        expect(store.groups.find(g.id)).toMatchObject(described);
        expect(store.snapshots.membersAt(g.id, NOW)).toEqual(reference.snapshots.membersAt(g.id, NOW));
      }
    },
  );
});
