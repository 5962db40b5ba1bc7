/**
 * Writes a simulation as JSON Lines (one interchange record per line, UTF-8) and its ground truth as
 * JSON next to it: `truthPathFor('/tmp/o.jsonl')` is `/tmp/o.truth.json` (a trailing `.jsonl` is
 * replaced; any other name gets `.truth.json` appended).
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { createSimulation } from './create-simulation.js';
import type { SimulationOptions } from './simulation-options.js';

export interface SimulationWriteResult {
  path: string;
  truthPath: string;
  contacts: number;
  groups: number;
  messages: number;
  weeks: string[];
}

export function truthPathFor(outPath: string): string {
  return outPath.endsWith('.jsonl')
    ? `${outPath.slice(0, -'.jsonl'.length)}.truth.json`
    : `${outPath}.truth.json`;
}

/** Lines are written in chunks of this many characters (fewer, larger writes). */
const CHUNK = 1 << 20;

export async function writeSimulation(
  options: SimulationOptions,
  outPath: string,
): Promise<SimulationWriteResult> {
  const sim = createSimulation(options);
  const out = createWriteStream(outPath, { encoding: 'utf8' });
  const failed = new Promise<never>((_, reject) => out.once('error', reject));
  failed.catch(() => {});
  let messages = 0;
  let chunk = '';
  const flush = async () => {
    if (!out.write(chunk)) await Promise.race([once(out, 'drain'), failed]);
    chunk = '';
  };
  for (const record of sim.records()) {
    if (record.kind === 'message') messages++;
    chunk += `${JSON.stringify(record)}\n`;
    if (chunk.length >= CHUNK) await flush();
  }
  if (chunk.length > 0) await flush();
  out.end();
  await Promise.race([once(out, 'finish'), failed]);
  const truthPath = truthPathFor(outPath);
  await writeFile(truthPath, `${JSON.stringify(sim.truth(), null, 2)}\n`, 'utf8');
  return {
    path: outPath,
    truthPath,
    contacts: sim.contacts.length,
    groups: sim.groups.length,
    messages,
    weeks: sim.weeks,
  };
}
