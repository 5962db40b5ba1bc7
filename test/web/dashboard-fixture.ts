/**
 * A realistic database for the dashboard tests: the simulated town office (seed 1, ISO weeks
 * 2026-W44..W47) imported through the JSON Lines importer, plus — unless `plain` — a notice carrying
 * script and attribute injections posted into three groups, a group whose name is an injection,
 * and a group of three members (fewer than minPeople).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Config, configSchema } from '../../src/config/schema.js';
import { importJsonl } from '../../src/ingest/jsonl/import-jsonl.js';
import { writeSimulation } from '../../src/ingest/simulate/write-simulation.js';
import type { InterchangeRecord } from '../../src/model/interchange.js';
import { Store } from '../../src/store/store.js';

export const ALL_TOKEN = 'town-office-token-3f9c2a71e0b4';
export const EAST_TOKEN = 'east-lake-token-9a7b5c3d1e04';
export const XSS_SCRIPT = '<script>alert(1)</script>';
export const XSS_IMG = '"><img src=x onerror=alert(1)>';
export const EVIL_GROUP = 'g-evil@chatroom';
/** A unit name that would end a script element if it were not escaped. */
export const EVIL_UNIT = '</script><script>alert(2)</script>';
export const TINY_GROUP = 'g-tiny@chatroom';
/** "Now" for the tests: Tuesday of 2026-W49, so the default week is the last simulated one, W47. */
export const NOW = Date.parse('2026-12-01T04:00:00Z');
export const WEEK = '2026-W47';

const members = (from: number, n: number) =>
  Array.from({ length: n }, (_, i) => `u-${String(from + i).padStart(4, '0')}`);

function extraRecords(): InterchangeRecord[] {
  const notice = `请各单位注意：${XSS_SCRIPT} 和 ${XSS_IMG} 这两段文字必须原样显示，不得执行，周五下班前反馈落实情况。`;
  const at = (day: number, hour: number, minute = 0) =>
    `2026-11-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00+08:00`;
  const message = (id: string, groupId: string, time: string, text: string, senderId = 'u-0008') =>
    ({ kind: 'message', id, groupId, senderId, time, type: 'text', text }) as const;
  return [
    {
      kind: 'group',
      id: EVIL_GROUP,
      name: `${XSS_IMG}工作群`,
      unit: '党政办',
      ownerId: 'u-0008',
      memberIds: members(8, 8),
      createdAt: '2026-01-05T09:00:00+08:00',
    },
    {
      kind: 'group',
      id: 'g-unit-xss@chatroom',
      name: '单位测试群',
      unit: EVIL_UNIT,
      ownerId: 'u-0040',
      memberIds: members(40, 6),
      createdAt: '2026-01-05T09:00:00+08:00',
    },
    message('u-1', 'g-unit-xss@chatroom', at(16, 11), '本周例会改到周三下午三点，请相互转告。', 'u-0040'),
    {
      kind: 'group',
      id: TINY_GROUP,
      name: '三人小组',
      unit: '经济发展办',
      ownerId: 'u-0026',
      memberIds: members(26, 3),
      createdAt: '2026-01-05T09:00:00+08:00',
    },
    message('x-1', 'g-gongzuo@chatroom', at(17, 10), notice),
    message('x-2', EVIL_GROUP, at(17, 10, 5), notice),
    message('x-3', 'g-dangjian@chatroom', at(17, 10, 10), notice),
    ...[16, 17, 18, 19].map((day, i) =>
      message(`t-${i}`, TINY_GROUP, at(day, 9 + i), `三人小组第 ${i + 1} 次碰头，内容略。`, 'u-0026'),
    ),
    ...[16, 18].map((day, i) =>
      message(`e-${i}`, EVIL_GROUP, at(day, 15), `${XSS_SCRIPT} 第 ${i + 1} 条普通消息`, 'u-0009'),
    ),
  ];
}

/** Writes and imports the database; returns its path (in a fresh temp dir). */
export async function buildDashboardDb(options: { plain?: boolean } = {}): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'qingqun-web-'));
  const simPath = join(dir, 'sim.jsonl');
  await writeSimulation({ seed: 1 }, simPath);
  const files = [simPath];
  if (!options.plain) {
    const extras = join(dir, 'extras.jsonl');
    writeFileSync(
      extras,
      `${extraRecords()
        .map((r) => JSON.stringify(r))
        .join('\n')}\n`,
    );
    files.push(extras);
  }
  const dbPath = join(dir, 'qingqun.sqlite');
  const store = new Store(dbPath);
  try {
    const summary = await importJsonl(store, files, { now: Date.parse('2027-01-01T00:00:00Z') });
    if (summary.rejected > 0) throw new Error(`fixture: ${summary.rejected} lines rejected`);
  } finally {
    store.close();
  }
  return dbPath;
}

/** Two logins: the town office (every unit) and 东湖社区's supervisor (configured in org.supervisors). */
export function dashboardConfig(db: string, web: Record<string, unknown> = {}): Config {
  return configSchema.parse({
    db,
    org: { supervisors: [{ id: 'east-lake', units: ['东湖社区'] }] },
    web: { tokens: `town:${ALL_TOKEN},east-lake:${EAST_TOKEN}`, ...web },
  });
}

/** Logs in through the form route; returns the Cookie header to send. */
export async function login(
  app: { request: (path: string, init?: RequestInit) => Response | Promise<Response> },
  token: string,
): Promise<string> {
  const res = await app.request('/login', {
    method: 'POST',
    body: new URLSearchParams({ token, next: '/' }),
  });
  const cookie = res.headers.get('set-cookie');
  if (res.status !== 303 || !cookie) throw new Error(`login failed: ${res.status}`);
  return cookie.split(';')[0] as string;
}

/** A table export as JSON (src/web/export-table.ts). */
export interface ExportJson {
  scope: string[] | null;
  columns: { key: string; kind: string }[];
  rows: Record<string, string | number | null>[];
}

export async function exportJson(res: Response | Promise<Response>): Promise<ExportJson> {
  return (await (await res).json()) as ExportJson;
}
