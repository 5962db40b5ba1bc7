import type { Config } from '../config/schema.js';
import type { Contact } from '../model/contact.js';

/**
 * Contacts treated as leaders: the configured ids, and every stored contact whose unit contains
 * one of the configured unit patterns (e.g. 领导班子). Leaders are rarely a group's owner.
 */
export function leaderIds(config: Config, contacts: ReadonlyMap<string, Contact>): Set<string> {
  const { ids, unitPatterns } = config.org.leaders;
  const leaders = new Set(ids);
  const patterns = unitPatterns.filter((p) => p.length > 0);
  if (patterns.length > 0) {
    for (const c of contacts.values()) {
      const unit = c.unit;
      if (unit && patterns.some((p) => unit.includes(p))) leaders.add(c.id);
    }
  }
  return leaders;
}
