/**
 * `npm run eval`: runs every detector on simulated organisations (seeds the detectors were not tuned
 * on) and on the hand-labelled tricky cases, and prints precision / recall / F1 per detector.
 * Exit code 1 when any F1 is below the target (0.97).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { configSchema } from '../src/config/schema.js';
import { importJsonl } from '../src/ingest/jsonl/import-jsonl.js';
import { createSimulation } from '../src/ingest/simulate/create-simulation.js';
import { writeSimulation } from '../src/ingest/simulate/write-simulation.js';
import type { GroundTruth } from '../src/model/ground-truth.js';
import { Store } from '../src/store/store.js';
import { analyseStoredWeek } from '../src/weeks/stored-week.js';
import { evaluateFieldSet, FIELD_DIR } from './eval/field-set.js';
import { evaluateRepeatedRequests, printRepeatedRequests } from './eval/repeated-requests.js';
import { addScore, emptyScore, metrics, type Score } from './eval/score.js';
import { EVALUATED, type Evaluated, scoreWeek } from './eval/score-week.js';
import { type StructureReport, structureSection } from './eval/structure-section.js';
import { loadTrickyTruth, TRICKY_CASES_PATH, TRICKY_TRUTH_PATH } from './eval/tricky-cases.js';

const TARGET = 0.97;
const { values } = parseArgs({
  options: {
    seeds: { type: 'string', default: '101,202,303' },
    verbose: { type: 'boolean', default: false },
  },
});
const seeds = (values.seeds ?? '').split(',').map(Number);
const config = configSchema.parse({});
const totals = Object.fromEntries(EVALUATED.map((d) => [d, emptyScore()])) as Record<Evaluated, Score>;
const dir = mkdtempSync(join(tmpdir(), 'qingqun-eval-'));
const structures: StructureReport = structureSection(config);

async function evaluate(label: string, files: string[], truth: GroundTruth, weeks: string[]): Promise<void> {
  const store = new Store(join(dir, `${label}.sqlite`));
  try {
    await importJsonl(store, files);
    for (const [i, week] of weeks.entries()) {
      const { data, findings } = analyseStoredWeek(store, config, week);
      const inWeek = new Set(data.messages.map((m) => m.id));
      const scores = scoreWeek(findings, truth, (id) => inWeek.has(id), i === weeks.length - 1);
      for (const d of EVALUATED) addScore(totals[d], scores[d]);
    }
    if (label !== 'tricky') structures.scoreSeed(label, store, truth, weeks);
  } finally {
    store.close();
  }
}

for (const seed of seeds) {
  const path = join(dir, `seed-${seed}.jsonl`);
  const written = await writeSimulation({ seed }, path);
  const truth = createSimulation({ seed });
  for (const _ of truth.records());
  await evaluate(`seed-${seed}`, [path], truth.truth(), written.weeks);
}
const tricky = loadTrickyTruth();
await evaluate('tricky', [TRICKY_CASES_PATH], tricky, tricky.weeks);
const repeated = await evaluateRepeatedRequests(config, dir);
rmSync(dir, { recursive: true, force: true });

const pct = (x: number) => (x * 100).toFixed(1).padStart(6);
console.log(`Detectors on simulated seeds ${seeds.join(', ')} + hand-labelled cases (${TRICKY_TRUTH_PATH})`);
console.log('detector         precision  recall     F1     tp     fp     fn');
let failed = false;
for (const d of EVALUATED) {
  const s = totals[d];
  const m = metrics(s);
  if (m.f1 < TARGET) failed = true;
  console.log(
    `${d.padEnd(16)} ${pct(m.precision)}%  ${pct(m.recall)}%  ${m.f1.toFixed(3)}  ${String(s.tp).padStart(5)}  ${String(s.fp).padStart(5)}  ${String(s.fn).padStart(5)}`,
  );
}
console.log(failed ? `Some detector is below F1 ${TARGET}.` : `Every detector reaches F1 ≥ ${TARGET}.`);
if (!structures.print()) failed = true;
if (!printRepeatedRequests(repeated)) failed = true;

// The field set: real-world shapes the simulator did not write (eval/field/README.md).
const FIELD_TARGET = 0.95;
const field = await evaluateFieldSet();
console.log(`\nField set (${FIELD_DIR}): each case imported and classified as \`qingqun import\` stores it`);
console.log('category                 accuracy  correct  total');
let fieldCorrect = 0;
let fieldTotal = 0;
for (const r of field) {
  fieldCorrect += r.correct;
  fieldTotal += r.total;
  const accuracy = r.correct / r.total;
  if (accuracy < FIELD_TARGET) failed = true;
  console.log(
    `${r.category.padEnd(24)} ${pct(accuracy)}%  ${String(r.correct).padStart(7)}  ${String(r.total).padStart(5)}`,
  );
  if (values.verbose) {
    for (const f of r.failures)
      console.log(`    ✗ ${JSON.stringify(f.text)}: got ${f.got}, expected ${f.expected}`);
  }
}
console.log(
  `${'overall'.padEnd(24)} ${pct(fieldCorrect / fieldTotal)}%  ${String(fieldCorrect).padStart(7)}  ${String(fieldTotal).padStart(5)}`,
);
console.log(
  failed
    ? `Some detector is below F1 ${TARGET} or some field category below ${FIELD_TARGET * 100}% (--verbose lists the misses).`
    : `Every field category reaches ${FIELD_TARGET * 100}%.`,
);
process.exitCode = failed ? 1 : 0;
