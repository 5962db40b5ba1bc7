import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Builders for interchange lines (defaults follow the examples of issue 2) and a temp-file writer. */
export const NOW = Date.UTC(2026, 10, 20, 4);

export function groupLine(overrides: Record<string, unknown> = {}): string {
  return JSON.stringify({
    kind: 'group',
    id: 'g-dangjian',
    name: '街道党建工作群',
    ownerId: 'u-wangjun',
    memberIds: ['u-wangjun', 'u-lina'],
    unit: '新浜街道党建办',
    createdAt: '2025-03-02T10:00:00+08:00',
    ...overrides,
  });
}

export function contactLine(overrides: Record<string, unknown> = {}): string {
  return JSON.stringify({ kind: 'contact', id: 'u-lina', name: '李娜', unit: '东湖社区', ...overrides });
}

export function messageLine(overrides: Record<string, unknown> = {}): string {
  return JSON.stringify({
    kind: 'message',
    id: 'm-000123',
    groupId: 'g-dangjian',
    senderId: 'u-lina',
    time: '2026-11-17T09:12:05+08:00',
    type: 'text',
    text: '收到',
    mentionAll: false,
    mentionIds: [],
    ...overrides,
  });
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'qingqun-jsonl-'));
}

/** Writes lines (strings or raw bytes) joined by `eol`, with a final newline. */
export function writeJsonl(dir: string, name: string, lines: (string | Buffer)[], eol = '\n'): string {
  const path = join(dir, name);
  writeFileSync(
    path,
    Buffer.concat(lines.flatMap((l) => [typeof l === 'string' ? Buffer.from(l) : l, Buffer.from(eol)])),
  );
  return path;
}
