/**
 * Preloaded (`node --import`) into a child that is not a benchmark script — the real `qingqun` CLI —
 * so that it reports its peak RSS and CPU time the way every benchmark child does
 * (`process.resourceUsage()`): at exit, one JSON object into the file named by QINGQUN_BENCH_PEAK.
 */
import { writeFileSync } from 'node:fs';

const out = process.env.QINGQUN_BENCH_PEAK;
if (out) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    const cpuSeconds = (usage.userCPUTime + usage.systemCPUTime) / 1e6;
    writeFileSync(out, JSON.stringify({ maxRssMb: usage.maxRSS / 1024, cpuSeconds }));
  });
}
