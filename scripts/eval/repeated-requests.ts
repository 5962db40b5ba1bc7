/**
 * The repeated-requests (多头报送) section of `npm run eval`: the hand-labelled set
 * eval/repeated-requests.yaml imported into a fresh store, every week it touches analysed, and the
 * pairs of requests the detector joins compared with the labelled sets. Targets (issue 14): at
 * least 5 of the 6 labelled sets found (a set counts when all its pairs are joined) and no pair
 * joined that is not labelled (copies, same-unit, look-alike and out-of-window requests).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { analyseStoredWeek } from '../../src/analysis/analyse-stored-week.js';
import { weekOf } from '../../src/calendar/weeks.js';
import type { Config } from '../../src/config/schema.js';
import { importJsonl } from '../../src/ingest/jsonl/import-jsonl.js';
import type { InterchangeRecord } from '../../src/model/interchange.js';
import { Store } from '../../src/store/store.js';
import { clusterPairs, metrics, type Score, scoreSets } from './score.js';

export const REPEATED_REQUESTS_PATH = 'eval/repeated-requests.yaml';
const SOURCE = fileURLToPath(new URL('../../eval/repeated-requests.yaml', import.meta.url));

interface CaseFile {
  contacts: { id: string; name: string; unit: string }[];
  groups: { id: string; name: string; unit: string; owner: string; members: string[] }[];
  messages: { id: string; group: string; from: string; at: string; text: string; same?: string }[];
}

export interface RepeatedRequestsResult {
  score: Score;
  sets: number;
  setsFound: number;
  /** Joined pairs that are not labelled, as "a|b". */
  wrong: string[];
}

export async function evaluateRepeatedRequests(config: Config, dir: string): Promise<RepeatedRequestsResult> {
  const file = parse(readFileSync(SOURCE, 'utf8')) as CaseFile;
  const records: InterchangeRecord[] = [
    ...file.contacts.map((c) => ({ kind: 'contact' as const, ...c })),
    ...file.groups.map((g) => ({
      kind: 'group' as const,
      id: g.id,
      name: g.name,
      unit: g.unit,
      ownerId: g.owner,
      memberIds: g.members,
      createdAt: '2025-01-06T09:00:00+08:00',
    })),
    ...file.messages.map((m) => ({
      kind: 'message' as const,
      id: m.id,
      groupId: m.group,
      senderId: m.from,
      time: `${m.at}:00+08:00`,
      type: 'text' as const,
      text: m.text,
    })),
  ];
  const path = join(dir, 'repeated-requests.jsonl');
  writeFileSync(path, `${records.map((r) => JSON.stringify(r)).join('\n')}\n`);
  const store = new Store(join(dir, 'repeated-requests.sqlite'));
  const found: string[][] = [];
  try {
    await importJsonl(store, [path], { now: Date.parse('2027-01-01T00:00:00Z') });
    const weeks = [
      ...new Set(file.messages.map((m) => weekOf(Date.parse(`${m.at}:00+08:00`), config.timezone))),
    ].sort();
    for (const week of weeks) {
      const { findings } = analyseStoredWeek(store, config, week);
      for (const r of findings.repeatedRequests) found.push(r.messageIds);
    }
  } finally {
    store.close();
  }
  const labelled = new Map<string, string[]>();
  for (const m of file.messages) if (m.same) labelled.set(m.same, [...(labelled.get(m.same) ?? []), m.id]);
  const all = () => true;
  const predicted = clusterPairs(found, all);
  const truth = clusterPairs(labelled.values(), all);
  const setsFound = [...labelled.values()].filter((ids) =>
    [...clusterPairs([ids], all)].every((p) => predicted.has(p)),
  ).length;
  return {
    score: scoreSets(predicted, truth),
    sets: labelled.size,
    setsFound,
    wrong: [...predicted].filter((p) => !truth.has(p)),
  };
}

/** Prints the section; false when a target is missed. */
export function printRepeatedRequests(r: RepeatedRequestsResult): boolean {
  const m = metrics(r.score);
  const ok = r.setsFound >= Math.min(r.sets, 5) && r.wrong.length === 0;
  console.log(`\nRepeated data requests (${REPEATED_REQUESTS_PATH})`);
  console.log(
    `sets found ${r.setsFound}/${r.sets}; pairs precision ${(m.precision * 100).toFixed(1)}% recall ${(m.recall * 100).toFixed(1)}% (tp ${r.score.tp} fp ${r.score.fp} fn ${r.score.fn})`,
  );
  if (r.wrong.length > 0) console.log(`wrongly joined: ${r.wrong.join(', ')}`);
  console.log(
    ok ? 'repeated requests: targets met' : 'repeated requests: below target (≥ 5 sets, no wrong pair)',
  );
  return ok;
}
