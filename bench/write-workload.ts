import { join } from 'node:path';
import { writeSimulation } from '../src/ingest/simulate/write-simulation.js';
import { groupsFor } from './bench-plan.js';

export interface Workload {
  /** The JSON Lines file `qingqun import` reads, and its ground truth beside it. */
  path: string;
  truthPath: string;
  /** The one ISO week it covers. */
  week: string;
  messages: number;
  groups: number;
  contacts: number;
}

/**
 * A seeded one-week simulation of about `messages` messages (the simulator's mix of notices,
 * forwards, acknowledgements, roll-calls, photo demands and chat) written as JSON Lines into `dir`.
 */
export async function writeWorkload(dir: string, messages: number, seed: number): Promise<Workload> {
  const groups = groupsFor(messages);
  const written = await writeSimulation(
    { seed, groups, weeks: 1, messagesPerWeek: messages },
    join(dir, `workload-${messages}.jsonl`),
  );
  return {
    path: written.path,
    truthPath: written.truthPath,
    week: written.weeks[0] as string,
    messages: written.messages,
    groups: written.groups,
    contacts: written.contacts,
  };
}
