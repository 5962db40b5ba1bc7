/**
 * When a chat message can have been sent: the one rule every ingestion path applies (the JSON Lines
 * importer, every archive importer, the chatlog webhook — all through the import batch — and the live
 * recorder), and that the readers of stored spans use so that rows stored before the rule existed
 * cannot stretch a week list back to year 1.
 *
 * - Not before WeChat's first release, 2011-01-21 (China time). A time before 2000 is usually a
 *   seconds/milliseconds mix-up (1970), or a default date (0001-01-01) an export wrote for "unknown".
 * - Not more than one day after now: clocks drift, and zones are sometimes mislabelled by hours,
 *   never by days; anything later is an export or conversion error (milliseconds read as seconds).
 */
export const EARLIEST_MESSAGE_TIME = Date.UTC(2011, 0, 20, 16); // 2011-01-21T00:00:00+08:00
export const FUTURE_TOLERANCE_MS = 24 * 60 * 60 * 1000;

/**
 * Why `time` (UTC ms) cannot be a chat message's time, or null when it can. `epochHints` adds the
 * likely mix-up for sources that carry numeric timestamps (archives, the webhook, puppets).
 */
export function implausibleTime(
  time: number,
  now: number,
  options: { epochHints?: boolean } = {},
): string | null {
  const hints = options.epochHints ?? false;
  if (!Number.isFinite(time)) return 'not a time';
  if (time < EARLIEST_MESSAGE_TIME) {
    if (hints && time < Date.UTC(2000, 0, 1)) return 'before 2000: seconds read as milliseconds?';
    return 'before 2011-01-21, when WeChat was first released';
  }
  if (time > now + FUTURE_TOLERANCE_MS)
    return hints
      ? 'more than 1 day in the future: milliseconds read as seconds?'
      : 'more than 1 day in the future';
  return null;
}
