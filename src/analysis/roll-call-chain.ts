import type { StoredMessage } from '../model/message.js';

/**
 * One roll-call chain. `messageIds` holds the request (when there is one) and every post, in time
 * order; `posts` and `participants` count the posts only (the request's sender is the organiser).
 * `linesReposted`: for each #接龙 post, the list lines whose number already appeared in an earlier
 * post of the chain — what everyone re-reads (a chain of n single-line additions re-posts n(n−1)/2).
 */
export interface RollCallFinding {
  groupId: string;
  kind: 'chain' | 'card' | 'number-off';
  messageIds: string[];
  requestMessageId: string | null;
  participants: number;
  posts: number;
  linesReposted: number;
  firstAt: number;
  lastAt: number;
  /** What the roll-call is about: the #接龙 description, the card title or the request (≤ 60 chars). */
  title: string;
}

/** A chain being built: its finding plus what the next post is compared with. */
export interface RollCallChain {
  finding: RollCallFinding;
  senders: Set<string>;
  /** Highest list number (or number-off) seen so far. */
  maxNumber: number;
  /** List lines in the latest #接龙 post. */
  lastItems: number;
}

const TITLE_LENGTH = 60;

export function newRollCallChain(
  first: StoredMessage,
  kind: RollCallFinding['kind'],
  title: string,
  request: StoredMessage | null,
): RollCallChain {
  return {
    finding: {
      groupId: first.groupId,
      kind,
      messageIds: request ? [request.id] : [],
      requestMessageId: request?.id ?? null,
      participants: 0,
      posts: 0,
      linesReposted: 0,
      firstAt: request?.time ?? first.time,
      lastAt: request?.time ?? first.time,
      title: Array.from(title).slice(0, TITLE_LENGTH).join(''),
    },
    senders: new Set(),
    maxNumber: 0,
    lastItems: 0,
  };
}

export function addRollCallPost(chain: RollCallChain, m: StoredMessage): void {
  chain.finding.messageIds.push(m.id);
  chain.finding.posts++;
  chain.finding.lastAt = m.time;
  chain.senders.add(m.senderId ?? `?${m.id}`);
  chain.finding.participants = chain.senders.size;
}
