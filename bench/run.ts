/**
 * `npm run bench` (full: 100k and 1M messages, SQLite; 3–10 minutes on 2 cores) or
 * `npm run bench -- --quick` (the same measurements at small sizes, under a minute; CI smoke).
 * `--province` adds issue 18's province week (5M messages: import and analysis, ~6–15 minutes more)
 * and duplicate detection against all pairs of texts on every notice candidate of the 1M week
 * (~2–3 minutes more); `--pg URL` adds the PostgreSQL rows (each workload imported into PostgreSQL,
 * the week reported from each engine, a spool shipped). The full figures of issue 18 are one command:
 *
 *   npm run bench -- --province --pg postgres://postgres@127.0.0.1:5432/postgres
 *
 * Prints one table and writes it, with every figure measured, the core count and the Node version,
 * to bench/results.json (or --out). docs/PERFORMANCE.md explains each row and its target.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { FULL_PLAN, QUICK_PLAN } from './bench-plan.js';
import { formatTable, resultRows } from './results-table.js';
import { runBenchmarks } from './run-benchmarks.js';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    province: { type: 'boolean', default: false },
    pg: { type: 'string' },
    out: { type: 'string', default: fileURLToPath(new URL('./results.json', import.meta.url)) },
    dir: { type: 'string' },
  },
});
const plan = values.quick ? QUICK_PLAN : FULL_PLAN;
const log = (line: string) => process.stderr.write(`bench: ${line}\n`);
const results = await runBenchmarks(plan, {
  log,
  dir: values.dir,
  province: values.province,
  postgres: values.pg,
});
const rows = resultRows(results);
const out = values.out as string;
writeFileSync(out, `${JSON.stringify({ ...results, rows }, null, 2)}\n`);
const flags = [values.province ? '--province' : '', values.pg ? '--pg' : ''].filter(Boolean).join(' ');
console.log(
  `qingqun benchmark (${plan.name}${flags ? ` ${flags}` : ''}) — Node ${results.node}, ${results.cores} cores ` +
    `(${results.cpuModel}), load average at start ${Object.values(results.loadAverageAtStart)
      .map((l) => l.toFixed(1))
      .join(' ')}`,
);
console.log(formatTable(rows));
if (results.postgres?.skipped) console.log(`\nPostgreSQL rows not run: ${results.postgres.skipped}`);
console.log(
  `\n"by CPU time": the same figure from the measured process's CPU time (wall time stretches when other` +
    ` work shares the cores). Targets are set for the full run (100k / 1M / 5M).` +
    `\nTook ${results.seconds.toFixed(0)} s; written to ${out}`,
);
