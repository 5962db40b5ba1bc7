/**
 * The duplicate-notice sets of a list of messages (a week, time-sorted), by fingerprints — and the
 * all-pairs reference that must find the same sets (the benchmark compares the two).
 */
import type { Config } from '../../config/schema.js';
import type { StoredMessage } from '../../model/message.js';
import { type DuplicateSet, duplicateSets } from './duplicate-sets.js';
import { linkAllPairs } from './link-all-pairs.js';
import { linkByFingerprints } from './link-by-fingerprints.js';
import { buildNoticeTable } from './notice-table.js';

export function findDuplicates(messages: readonly StoredMessage[], config: Config): DuplicateSet[] {
  const rules = config.analysis.duplicates;
  const table = buildNoticeTable(messages, rules);
  return duplicateSets(table, linkByFingerprints(table, rules));
}

/** O(n²) over distinct texts: same normalisation and verification, every pair compared. */
export function findDuplicatesAllPairs(messages: readonly StoredMessage[], config: Config): DuplicateSet[] {
  const rules = config.analysis.duplicates;
  const table = buildNoticeTable(messages, rules);
  return duplicateSets(table, linkAllPairs(table, rules));
}
