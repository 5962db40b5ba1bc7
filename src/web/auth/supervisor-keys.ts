import { createHash, timingSafeEqual } from 'node:crypto';
import type { Config } from '../../config/schema.js';
import type { Access } from '../access.js';

/** A login: the SHA-256 of its token (the token itself is not kept) and what it may see. */
export interface SupervisorKey {
  digest: Buffer;
  access: Access;
}

const digestOf = (token: string) => createHash('sha256').update(token, 'utf8').digest();

/**
 * The logins config.web.tokens allows. A token's units are its own when given, else those of the
 * supervisor with the same id in org.supervisors, else every unit (as for org.supervisors).
 */
export function supervisorKeys(config: Config): SupervisorKey[] {
  return config.web.tokens.map((t) => {
    const configured = config.org.supervisors.find((s) => s.id === t.supervisor)?.units ?? [];
    const units = t.units.length > 0 ? t.units : configured;
    return {
      digest: digestOf(t.token),
      access: { supervisorId: t.supervisor, units: units.length > 0 ? new Set(units) : null },
    };
  });
}

/**
 * The access a presented token grants, or null. Compares digests of equal length with
 * timingSafeEqual and always compares every key, so the time taken tells nothing about the tokens.
 */
export function matchToken(candidate: string, keys: readonly SupervisorKey[]): Access | null {
  const digest = digestOf(candidate);
  let found: Access | null = null;
  for (const key of keys) {
    if (timingSafeEqual(digest, key.digest) && found === null) found = key.access;
  }
  return found;
}
