/**
 * Message ids for exports that carry none (chatlog's CSV, ChatLab files without platformMessageId):
 * a hash of what identifies the message (group, time, sender, content), plus `~2`, `~3`… for exact
 * repeats within one file (two "收到" from one person in one second). The same file imported again
 * gives the same ids, so re-imports stay no-ops; an overlapping export of the same chat gives the
 * same ids for the messages both contain, as long as neither cuts a run of exact repeats in half.
 */
import { createHash } from 'node:crypto';

export class SyntheticIds {
  private readonly seen = new Map<string, number>();

  next(prefix: string, parts: readonly (string | number | null)[]): string {
    const hash = createHash('sha1')
      .update(parts.map((p) => String(p ?? '')).join('\u0000'))
      .digest('hex');
    const key = `${prefix}${hash.slice(0, 20)}`;
    const n = (this.seen.get(key) ?? 0) + 1;
    this.seen.set(key, n);
    return n === 1 ? key : `${key}~${n}`;
  }
}
