import type { Store } from './store.js';

/** The id of the first contact (by id) whose unit contains `unitPart`, or undefined. */
export function findFirstContactInUnit(store: Store, unitPart: string): string | undefined {
  return store.db
    .prepare('SELECT id FROM contacts WHERE instr(unit, ?) > 0 ORDER BY id LIMIT 1')
    .pluck()
    .get(unitPart) as string | undefined;
}
