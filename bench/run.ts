/**
 * `npm run bench` (full: 100k and 1M messages, 8–15 minutes on 2 cores) or `npm run bench -- --quick`
 * (the same measurements at small sizes, under a minute; CI smoke). Prints one table and writes it,
 * with every figure measured, the core count and the Node version, to bench/results.json (or --out).
 * docs/PERFORMANCE.md explains each row and its target.
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
    out: { type: 'string', default: fileURLToPath(new URL('./results.json', import.meta.url)) },
    dir: { type: 'string' },
  },
});
const plan = values.quick ? QUICK_PLAN : FULL_PLAN;
const log = (line: string) => process.stderr.write(`bench: ${line}\n`);
const results = await runBenchmarks(plan, { log, dir: values.dir });
const rows = resultRows(results);
const out = values.out as string;
writeFileSync(out, `${JSON.stringify({ ...results, rows }, null, 2)}\n`);
console.log(
  `qingqun benchmark (${plan.name}) — Node ${results.node}, ${results.cores} cores (${results.cpuModel}), ` +
    `load average at start ${Object.values(results.loadAverageAtStart)
      .map((l) => l.toFixed(1))
      .join(' ')}`,
);
console.log(formatTable(rows));
console.log(
  `\n"by CPU time": the same figure from this process's CPU time (wall time stretches when other work` +
    ` shares the cores). Targets are set for the full run (100k / 1M).` +
    `\nTook ${results.seconds.toFixed(0)} s; written to ${out}`,
);
