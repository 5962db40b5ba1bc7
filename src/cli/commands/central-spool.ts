import { existsSync } from 'node:fs';
import type { Config } from '../../config/schema.js';
import { createStoragePolicy } from '../../privacy/storage-policy.js';
import { Store } from '../../store/store.js';

/**
 * Runs `fn` on the central send spool (central.sendSpool: the SQLite outbox `send --drain` on a
 * PostgreSQL store claims email / WeCom messages into, docs/RELIABILITY.md) when the file exists;
 * undefined when it does not (no central sending ever ran here, so it holds nothing). Used by `purge`,
 * `forget` and `doctor` on a PostgreSQL store, so that retention and erasure reach the spool's
 * payloads too, by the spool's own SQLite rules.
 */
export function withCentralSpool<T>(
  config: Config,
  fn: (spool: Store) => T,
  options: { readonly?: boolean } = {},
): T | undefined {
  const path = config.central.sendSpool;
  if (!existsSync(path)) return undefined;
  const spool = new Store(path, {
    mustExist: true,
    readonly: options.readonly ?? false,
    policy: createStoragePolicy(config),
  });
  try {
    return fn(spool);
  } finally {
    spool.close();
  }
}
