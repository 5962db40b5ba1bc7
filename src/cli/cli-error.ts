import type { MessageId, MessageParams } from './messages.js';

/**
 * Exit codes of every qingqun command (docs/COMMANDS.md, "Exit codes and messages"):
 * 0 done; 1 failed (the world is not as the command needs: a missing database, a busy port, an
 * existing file, rejected input lines); 2 the command line or configuration is wrong; 70 a bug
 * (EX_SOFTWARE of sysexits.h): not the operator's fault, reported with where to find the stack.
 */
export const EXIT = { ok: 0, failure: 1, usage: 2, internal: 70 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/**
 * An error meant for the operator: a message id of the catalogue (messages.ts) with its context,
 * and the exit code. Thrown by commands where they know what went wrong; describe-error.ts turns it
 * (and the errors of the layers below, which carry their own context) into one line.
 */
export class CliError<K extends MessageId = MessageId> extends Error {
  constructor(
    readonly exitCode: 1 | 2,
    readonly id: K,
    readonly params: MessageParams<K>,
    options?: { cause?: unknown },
  ) {
    super(`${id}: ${JSON.stringify(params)}`, options);
    this.name = 'CliError';
  }
}

/** The command line is wrong (exit 2). */
export function usageError<K extends MessageId>(id: K, params: MessageParams<K>): CliError<K> {
  return new CliError(EXIT.usage, id, params);
}

/** The command cannot be done as things are (exit 1). */
export function failure<K extends MessageId>(id: K, params: MessageParams<K>, cause?: unknown): CliError<K> {
  return new CliError(EXIT.failure, id, params, { cause });
}

/**
 * Runs `fn`, whose RangeError means "the value the operator gave is invalid" (a layer below validates
 * it), and turns that RangeError into a usage error. Only for calls whose RangeErrors are documented
 * as input validation: elsewhere a RangeError is a bug and stays one.
 */
export function validating<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof RangeError) throw usageError('badValue', { detail: error.message });
    throw error;
  }
}
