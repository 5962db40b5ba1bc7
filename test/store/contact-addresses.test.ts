import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importJsonl } from '../../src/ingest/jsonl/import-jsonl.js';
import type { ImportProblem } from '../../src/ingest/jsonl/import-problem.js';
import { openTempStore } from '../fixtures/temp-store.js';

function file(lines: object[]): string {
  const path = join(mkdtempSync(join(tmpdir(), 'qingqun-addr-')), 'c.jsonl');
  writeFileSync(path, `${lines.map((l) => JSON.stringify(l)).join('\n')}\n`);
  return path;
}

describe('contact addresses', () => {
  it('come from contact records, are kept when a later record has none, are checked, and are erased by forget', async () => {
    const store = openTempStore();
    try {
      const lina = { kind: 'contact', id: 'wxid_lina', name: '李娜', unit: '东湖社区' };
      const first = await importJsonl(store, [
        file([{ ...lina, email: 'lina@example.gov.cn', wecomUserId: 'LiNa' }]),
      ]);
      expect(first.contacts.imported).toBe(1);
      expect(store.contacts.addresses('wxid_lina')).toEqual({
        email: 'lina@example.gov.cn',
        wecomUserId: 'LiNa',
      });
      const same = await importJsonl(store, [file([lina])]);
      expect(same.contacts.duplicate).toBe(1);
      expect(store.contacts.addresses('wxid_lina')?.email).toBe('lina@example.gov.cn');
      const moved = await importJsonl(store, [file([{ ...lina, email: 'li.na@example.gov.cn' }])]);
      expect(moved.contacts.updated).toBe(1);
      const problems: ImportProblem[] = [];
      const bad = await importJsonl(
        store,
        [file([{ ...lina, email: 'not an address', wecomUserId: '李娜' }])],
        {
          onProblem: (p) => problems.push(p),
        },
      );
      expect(bad.contacts.rejected).toBe(1);
      expect(problems.map(String).join('\n')).toMatch(/email: expected an email address/);
      store.privacy.forget('wxid_lina', Date.now());
      expect(store.contacts.addresses('wxid_lina')).toEqual({ email: null, wecomUserId: null });
    } finally {
      store.close();
    }
  });
});
