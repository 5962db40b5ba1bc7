import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { configSchema } from '../../src/config/schema.js';
import {
  outboxOnlyQueue,
  queueOwnerDigests,
  queueSupervisorAudits,
} from '../../src/deliver/queue-weekly-deliveries.js';
import { importJsonl } from '../../src/ingest/jsonl/import-jsonl.js';
import { writeSimulation } from '../../src/ingest/simulate/write-simulation.js';
import type { Store } from '../../src/store/store.js';
import { openTempStore } from '../fixtures/temp-store.js';

let store: Store;
const now = Date.parse('2026-11-23T09:00:00+08:00');

beforeAll(async () => {
  const path = join(mkdtempSync(join(tmpdir(), 'qingqun-weekly-')), 'sim.jsonl');
  await writeSimulation({ seed: 5, weeks: 2, start: '2026-11-09' }, path);
  store = openTempStore();
  await importJsonl(store, [path]);
});

describe('queueOwnerDigests', () => {
  it('queues each owner one digest (parts and chart) once, however often the job runs', () => {
    const config = configSchema.parse({});
    const queue = outboxOnlyQueue(store, now);
    const first = queueOwnerDigests(store, config, queue, '2026-W46', now);
    expect(first.recipients).toBeGreaterThan(3);
    // Issue 15: an owner whose groups were all quiet (zombies) gets text but no empty chart.
    expect(first.queued).toBeGreaterThan(first.recipients);
    const again = queueOwnerDigests(store, config, queue, '2026-W46', now);
    expect(again).toMatchObject({ recipients: first.recipients, queued: 0 });
    const rows = store.outbox.list().filter((r) => r.dedupeKey.startsWith('digest:2026-W46:'));
    const owners = new Set(rows.map((r) => r.recipientId));
    expect(owners.size).toBe(first.recipients);
    let charts = 0;
    for (const owner of owners) {
      const mine = rows.filter((r) => r.recipientId === owner);
      const images = mine.filter((r) => r.content?.kind === 'image').length;
      expect(images).toBeLessThanOrEqual(1);
      charts += images;
      for (const r of mine)
        if (r.content?.kind === 'text') expect(r.content.text.length).toBeLessThanOrEqual(1800);
    }
    expect(charts).toBeGreaterThan(owners.size / 2);
    expect(rows.length).toBe(first.queued);
  });

  it('queues the audit to configured supervisors only, once', () => {
    const config = configSchema.parse({ org: { supervisors: [{ id: 'u-0001' }] } });
    const queue = outboxOnlyQueue(store, now);
    const first = queueSupervisorAudits(store, config, queue, '2026-W46');
    expect(first.recipients).toBe(1);
    expect(first.queued).toBeGreaterThan(0);
    expect(queueSupervisorAudits(store, config, queue, '2026-W46').queued).toBe(0);
    const recipients = new Set(
      store.outbox
        .list()
        .filter((r) => r.dedupeKey.startsWith('audit:'))
        .map((r) => r.recipientId),
    );
    expect([...recipients]).toEqual(['u-0001']);
  });
});
