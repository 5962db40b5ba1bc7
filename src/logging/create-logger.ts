import { pino } from 'pino';

export type Logger = pino.Logger;

/**
 * Structured logs go to stderr so that stdout stays the command's own output. Contract for every
 * caller: log ids and counts, never message text, tokens or phone numbers.
 */
export function createLogger(level: string, destination: NodeJS.WritableStream = process.stderr): Logger {
  return pino({ level, base: undefined, redact: ['token', '*.token', 'text', '*.text'] }, destination);
}
