import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimulation } from '../../../src/ingest/simulate/create-simulation.js';
import { truthPathFor, writeSimulation } from '../../../src/ingest/simulate/write-simulation.js';
import type { GroundTruth } from '../../../src/model/ground-truth.js';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'qingqun-sim-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('truthPathFor', () => {
  it.each([
    ['/tmp/o.jsonl', '/tmp/o.truth.json'],
    ['/tmp/o.json', '/tmp/o.json.truth.json'],
    ['out', 'out.truth.json'],
  ])('puts the truth of %s in %s', (out, truth) => {
    expect(truthPathFor(out)).toBe(truth);
  });
});

describe('writeSimulation', () => {
  it('writes the same records as the stream, one JSON object per line, and the truth beside them', async () => {
    const out = join(dir, 'sim.jsonl');
    const options = { seed: 5, weeks: 2 };
    const result = await writeSimulation(options, out);
    const lines = (await readFile(out, 'utf8')).split('\n');
    expect(lines.pop()).toBe('');
    const sim = createSimulation(options);
    expect(lines).toEqual([...sim.records()].map((r) => JSON.stringify(r)));
    expect(result).toMatchObject({
      path: out,
      truthPath: join(dir, 'sim.truth.json'),
      contacts: 120,
      groups: 24,
      weeks: ['2026-W44', '2026-W45'],
    });
    expect(result.messages).toBe(lines.filter((l) => l.startsWith('{"kind":"message"')).length);
    const truth = JSON.parse(await readFile(result.truthPath, 'utf8')) as GroundTruth;
    expect(truth).toEqual(sim.truth());
    expect(truth.seed).toBe(5);
  });

  it('fails when the output cannot be written', async () => {
    await expect(writeSimulation({ weeks: 1 }, join(dir, 'missing', 'sim.jsonl'))).rejects.toThrow(/ENOENT/);
  });
});
