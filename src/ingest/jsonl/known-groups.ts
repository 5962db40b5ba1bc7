import type { Store } from '../../store/store.js';

/**
 * Which group ids a message may refer to: groups declared earlier in this import run, or already
 * in the store. Answers from the store are cached both ways, so a file full of messages for one
 * undeclared group costs one query.
 */
export class KnownGroups {
  private readonly known = new Set<string>();
  private readonly missing = new Set<string>();

  constructor(private readonly store: Store) {}

  declare(id: string): void {
    this.known.add(id);
    this.missing.delete(id);
  }

  has(id: string): boolean {
    if (this.known.has(id)) return true;
    if (this.missing.has(id)) return false;
    const found = this.store.groups.find(id) !== undefined;
    (found ? this.known : this.missing).add(id);
    return found;
  }
}
