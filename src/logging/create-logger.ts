import { pino } from 'pino';
import type { Logger } from './logger.js';
import { scrubLogObject } from './scrub-log-object.js';
import { scrubLogText } from './scrub-log-text.js';

/**
 * Structured logs go to stderr so that stdout stays the command's own output. Contract for every
 * caller: log ids and counts, never message text, tokens or phone numbers. Enforced as far as a
 * logger can: fields named like secrets or message content (token, text, content, payload…) are
 * redacted at any depth, and phone numbers and puppet tokens are masked in every string, the message
 * included (docs/PRIVACY.md, "Logs"). The pino logger is returned as the project's Logger
 * (src/logging/logger.ts), so callers depend on that interface, not on pino.
 */
export function createLogger(level: string, destination: NodeJS.WritableStream = process.stderr): Logger {
  return pino(
    {
      level,
      base: undefined,
      formatters: { log: scrubLogObject },
      hooks: {
        logMethod(args, method) {
          const scrubbed = args.map((a) => (typeof a === 'string' ? scrubLogText(a) : a));
          return method.apply(this, scrubbed as Parameters<typeof method>);
        },
      },
    },
    destination,
  );
}
