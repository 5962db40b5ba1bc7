import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { weekBounds } from '../../src/calendar/weeks.js';
import { configSchema } from '../../src/config/schema.js';
import { importJsonl } from '../../src/ingest/jsonl/import-jsonl.js';
import type { StoredMessage, TextClass } from '../../src/model/message.js';
import { createStoragePolicy } from '../../src/privacy/storage-policy.js';
import { Store } from '../../src/store/store.js';

/**
 * The field evaluation set (eval/field/*.yaml, README there): single messages from public sources,
 * each labelled with the class the product must store for it. Every case goes through the JSON Lines
 * importer into a fresh SQLite store with the shipped storage policy — the path `qingqun import` takes —
 * and is judged on what is read back for the detectors: its text class, @所有人 and quote.
 */
export const FIELD_DIR = 'eval/field';
const DIR = fileURLToPath(new URL('../../eval/field/', import.meta.url));

type Expectation = TextClass | { not: TextClass[] };

interface FieldCase {
  text: string;
  source: string;
  expect?: Expectation;
}

interface FieldFile {
  category: string;
  expect: Expectation;
  cases: FieldCase[];
}

export interface FieldResult {
  category: string;
  total: number;
  correct: number;
  failures: { text: string; got: string; expected: string }[];
}

const WEEK = '2026-W47';
/** Tuesday 17 November 2026, 10:00 in Shanghai; one case a minute. */
const START = Date.UTC(2026, 10, 17, 2, 0);
const MEMBERS = Array.from({ length: 12 }, (_, i) => `u-${i + 1}`);
/** Where a quote reply's quote must not leave a trace. */
const NOT_FROM_QUOTE: ReadonlySet<TextClass> = new Set(['notice', 'instruction', 'roll-call']);

export function loadFieldFiles(dir = DIR): FieldFile[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => {
      const file = parse(readFileSync(join(dir, f), 'utf8')) as FieldFile;
      for (const c of file.cases) {
        if (typeof c.text !== 'string' || typeof c.source !== 'string' || c.source.trim() === '') {
          throw new Error(`${f}: every case needs a text and its source`);
        }
      }
      return file;
    });
}

const describeExpectation = (e: Expectation) => (typeof e === 'string' ? e : `not ${e.not.join('/')}`);

function judge(m: StoredMessage | undefined, expected: Expectation, quoteCase: boolean): string | null {
  if (m === undefined) return 'not stored';
  const cls = m.textClass ?? 'none';
  const classOk = typeof expected === 'string' ? cls === expected : !expected.not.includes(cls as TextClass);
  if (!classOk) return cls;
  if (quoteCase) {
    if (m.quote == null) return `${cls}, quote not separated`;
    if (m.mentionAll) return `${cls}, @所有人 from the quote`;
    if (NOT_FROM_QUOTE.has(cls as TextClass)) return `${cls} from the quote`;
  }
  return null;
}

/** Imports every case of the field set and returns the accuracy per category, in file order. */
export async function evaluateFieldSet(dir = DIR): Promise<FieldResult[]> {
  const files = loadFieldFiles(dir);
  const work = mkdtempSync(join(tmpdir(), 'qingqun-field-'));
  const config = configSchema.parse({});
  const store = new Store(join(work, 'field.sqlite'), { policy: createStoragePolicy(config) });
  try {
    const lines = [
      JSON.stringify({
        kind: 'group',
        id: 'g-field@chatroom',
        name: '镇工作群',
        ownerId: 'u-1',
        memberIds: MEMBERS,
      }),
    ];
    const cases: { id: string; file: FieldFile; c: FieldCase }[] = [];
    for (const file of files) {
      for (const c of file.cases) {
        const id = `f-${cases.length + 1}`;
        cases.push({ id, file, c });
        const time = new Date(START + cases.length * 60_000).toISOString();
        const senderId = MEMBERS[cases.length % MEMBERS.length];
        lines.push(
          JSON.stringify({
            kind: 'message',
            id,
            groupId: 'g-field@chatroom',
            senderId,
            time,
            type: 'text',
            text: c.text,
          }),
        );
      }
    }
    const path = join(work, 'field.jsonl');
    writeFileSync(path, `${lines.join('\n')}\n`);
    await importJsonl(store, [path], { now: Date.UTC(2026, 11, 1) });
    const byId = new Map(
      store.weekData.load(weekBounds(WEEK, config.timezone)).messages.map((m) => [m.id, m]),
    );
    const results = new Map<string, FieldResult>();
    for (const { id, file, c } of cases) {
      const r = results.get(file.category) ?? { category: file.category, total: 0, correct: 0, failures: [] };
      results.set(file.category, r);
      const expected = c.expect ?? file.expect;
      const problem = judge(byId.get(id), expected, file.category === 'quote reply');
      r.total++;
      if (problem === null) r.correct++;
      else r.failures.push({ text: c.text, got: problem, expected: describeExpectation(expected) });
    }
    return [...results.values()];
  } finally {
    store.close();
    rmSync(work, { recursive: true, force: true });
  }
}
