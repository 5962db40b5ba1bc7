/**
 * The one logger shape every stage takes (ingest, deliver, converse, web, cli). Production passes the
 * pino logger from createLogger; tests pass silentLogger or the memory logger in
 * test/fixtures/memory-logger.ts. A stage that wants its records tagged takes a child:
 * `log.child({ stage: 'send-queue' })` — the bindings are added to every record of the child.
 *
 * Contract for every caller: `data` holds ids, keys, counts and shortened error messages (errorText),
 * never message text, tokens or phone numbers; `msg` is a fixed English phrase, not built from user
 * content. createLogger enforces what it can (src/logging/scrub-log-object.ts, scrub-log-text.ts).
 */
export interface Logger {
  debug(data: object, msg: string): void;
  info(data: object, msg: string): void;
  warn(data: object, msg: string): void;
  error(data: object, msg: string): void;
  /** A logger that adds `bindings` to every record it writes. */
  child(bindings: Record<string, unknown>): Logger;
}

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** Writes nothing: the default where a logger is optional. */
export const silentLogger: Logger = {
  debug() {},
  info() {},
  warn() {},
  error() {},
  child: () => silentLogger,
};

/** How much of an error's message a log record (or a stored failure note) keeps by default. */
export const ERROR_TEXT_CHARS = 200;

/**
 * The longer bound for failure notes kept in the database next to a job or an outbox row (run
 * history, `qingqun outbox`), where the operator reads them; logs use ERROR_TEXT_CHARS.
 */
export const STORED_ERROR_CHARS = 500;

/**
 * The message of a thrown value, shortened to `maxChars`: the one truncation of error text for logs
 * and failure notes. An error's message may quote what failed (a URL, a file name, a server's reply),
 * so it is bounded; a value that is not an Error with a message is stringified.
 */
export function errorText(error: unknown, maxChars: number = ERROR_TEXT_CHARS): string {
  const message = (error as { message?: unknown } | null | undefined)?.message;
  return String(message ?? error).slice(0, maxChars);
}
