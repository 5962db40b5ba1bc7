import { countablePredicate } from '../analysis/countable-predicate.js';
import type { DuplicateCluster } from '../analysis/duplicate-notices.js';
import type { WeekFindings } from '../analysis/registry.js';
import type { WeekData } from '../analysis/week-data.js';
import type { StoredMessage } from '../model/message.js';
import { replyClassOf } from '../text/replies.js';
import { isRollCallPost } from '../text/roll-calls.js';

/** One notice as a group received it: a duplicate cluster counts once per group, however many copies. */
export interface GroupNotice {
  /** The group's first copy. */
  message: StoredMessage;
  cluster: DuplicateCluster | null;
}

/** Texts at least this long are notices (the same bar as the acknowledgement-flood triggers). */
const NOTICE_LENGTH = 40;
/** An @所有人 with at least this much text is a notice too. */
const AT_ALL_LENGTH = 10;

/**
 * Whether a message is a notice: a file, a link card, a text of at least 40 characters or an
 * @所有人 with some text — and not a reply, a #接龙 post, a system line or a recalled message.
 * Copies in a duplicate cluster are notices whatever their length.
 */
export function isNoticeMessage(m: StoredMessage, countable: (m: StoredMessage) => boolean): boolean {
  if (!countable(m)) return false;
  if (m.type === 'file' || m.type === 'link') return true;
  if (m.type !== 'text') return false;
  if (isRollCallPost(m.text) || replyClassOf(m) !== 'other') return false;
  const length = m.text === null ? m.textLength : m.text.length;
  return length >= NOTICE_LENGTH || (m.mentionAll && length >= AT_ALL_LENGTH);
}

/**
 * The week's messages by id and each group's notices. One pass over the week; what every
 * recommendation rule reads instead of re-scanning messages. Build it with `weekNotices`.
 */
export class WeekNotices {
  readonly byId = new Map<string, StoredMessage>();
  readonly clusterOf = new Map<string, DuplicateCluster>();
  readonly noticesByGroup = new Map<string, GroupNotice[]>();
  /** Every message that is a notice (each copy of a cluster included). */
  readonly noticeIds = new Set<string>();
  readonly members = new Map<string, ReadonlySet<string>>();

  /**
   * `notNotices`: ids of messages that other findings show to be something else — roll-call posts
   * and requests, photo demands, showcase posts answered by praise — unless they are duplicates.
   */
  constructor(
    data: WeekData,
    clusters: readonly DuplicateCluster[],
    notNotices: ReadonlySet<string> = new Set(),
  ) {
    for (const c of clusters) for (const id of c.messageIds) this.clusterOf.set(id, c);
    for (const [groupId, ids] of data.members) this.members.set(groupId, new Set(ids));
    const countable = countablePredicate(data.messages);
    const seen = new Set<string>();
    for (const m of data.messages) {
      this.byId.set(m.id, m);
      const cluster = this.clusterOf.get(m.id) ?? null;
      if (cluster === null && (notNotices.has(m.id) || !isNoticeMessage(m, countable))) continue;
      this.noticeIds.add(m.id);
      if (cluster !== null) {
        const key = `${m.groupId}\u0000${cluster.id}`;
        if (seen.has(key)) continue;
        seen.add(key);
      }
      const list = this.noticesByGroup.get(m.groupId);
      if (list) list.push({ message: m, cluster });
      else this.noticesByGroup.set(m.groupId, [{ message: m, cluster }]);
    }
  }

  notices(groupId: string): readonly GroupNotice[] {
    return this.noticesByGroup.get(groupId) ?? [];
  }

  memberCount(groupId: string): number {
    return this.members.get(groupId)?.size ?? 0;
  }

  /** How many members the two groups share. */
  sharedMembers(a: string, b: string): number {
    const ma = this.members.get(a);
    const mb = this.members.get(b);
    if (!ma || !mb) return 0;
    const [small, large] = ma.size <= mb.size ? [ma, mb] : [mb, ma];
    let n = 0;
    for (const id of small) if (large.has(id)) n++;
    return n;
  }
}

/** The week's notices, leaving out what the roll-call, photo-proof and like-spam findings explain. */
export function weekNotices(data: WeekData, findings: WeekFindings): WeekNotices {
  const other = new Set<string>();
  for (const r of findings.rollCalls) for (const id of r.messageIds) other.add(id);
  for (const p of findings.photoProof) other.add(p.demandMessageId);
  for (const l of findings.likeSpam) other.add(l.triggerMessageId);
  return new WeekNotices(data, findings.duplicates, other);
}
