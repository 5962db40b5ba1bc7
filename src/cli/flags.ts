import { statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { shiftWeek, weekBounds, weekOf } from '../calendar/weeks.js';
import { failure, usageError } from './cli-error.js';

/**
 * Checks of the values operators type, each failing with a usage error (exit 2) that names the flag,
 * and of output paths, failing before any work with a failure (exit 1) that names the path.
 */

/** `--week`: an ISO week that exists; by default last week in `timezone`. */
export function weekFlag(value: string | undefined, timezone: string, flag = '--week'): string {
  if (value === undefined) return shiftWeek(weekOf(Date.now(), timezone), -1, timezone);
  try {
    weekBounds(value, timezone);
  } catch (error) {
    if (error instanceof RangeError) throw usageError('badWeek', { flag, got: value });
    throw error;
  }
  return value;
}

/** One of `choices`. */
export function choiceFlag<T extends string>(flag: string, value: string, choices: readonly T[]): T {
  if (!(choices as readonly string[]).includes(value)) {
    throw usageError('badOption', { flag, expected: choices.join(' | '), got: value });
  }
  return value as T;
}

/** An integer from `min` to `max`, or undefined when not given. */
export function integerFlag(
  flag: string,
  value: string | undefined,
  min = Number.MIN_SAFE_INTEGER,
  max = Number.MAX_SAFE_INTEGER,
): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isInteger(n) || n < min || n > max) {
    const expected = min === Number.MIN_SAFE_INTEGER ? 'an integer' : `an integer from ${min} to ${max}`;
    throw usageError('badOption', { flag, expected, got: value });
  }
  return n;
}

/** A file about to be written: its directory must exist (none is made for a mistyped path). */
export function outputFile(path: string): string {
  const dir = dirname(resolve(path));
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) {
    throw failure('parentMissing', { path, dir });
  }
  if (statSync(path, { throwIfNoEntry: false })?.isDirectory()) throw failure('isDirectory', { path });
  return path;
}
