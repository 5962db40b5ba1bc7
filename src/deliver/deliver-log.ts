/**
 * The slice of a pino logger the send queue and the schedules use (a pino Logger fits). Contract:
 * data holds ids, keys, counts and error messages, never message text.
 */
export interface DeliverLog {
  info(data: object, msg: string): void;
  warn(data: object, msg: string): void;
  error(data: object, msg: string): void;
}

export const silentLog: DeliverLog = { info() {}, warn() {}, error() {} };
