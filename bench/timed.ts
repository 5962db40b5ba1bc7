/** Wall and CPU time of some work; CPU time (user + system) is what a loaded machine distorts least. */
export interface Timing {
  seconds: number;
  cpuSeconds: number;
}

export function startTiming(): () => Timing {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  return () => {
    const cpu = process.cpuUsage(c0);
    return { seconds: (performance.now() - t0) / 1000, cpuSeconds: (cpu.user + cpu.system) / 1e6 };
  };
}

export async function timed<T>(work: () => Promise<T>): Promise<{ value: T; timing: Timing }> {
  const stop = startTiming();
  const value = await work();
  return { value, timing: stop() };
}

/** Adds `b` into `a`. */
export function addTiming(a: Timing, b: Timing): void {
  a.seconds += b.seconds;
  a.cpuSeconds += b.cpuSeconds;
}
