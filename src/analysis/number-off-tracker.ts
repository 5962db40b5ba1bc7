import type { StoredMessage } from '../model/message.js';
import {
  addRollCallPost,
  newRollCallChain,
  type RollCallChain,
  type RollCallFinding,
} from './roll-call-chain.js';

interface NumberOffState {
  chain: RollCallChain;
  request: StoredMessage | null;
  /** A request was made, or the replies have counted 1, 2, 3 by themselves. */
  confirmed: boolean;
}

/** Replies counting up by themselves (no request seen) need this many posts: "1" alone is an answer. */
const SPONTANEOUS_MIN = 3;
/** With a request, numbers may come out of order or repeat, but not jump far ahead. */
const MAX_JUMP = 5;

/**
 * Follows number-off replies per group: after a request ("请大家报数") every reply that is a number
 * joins the chain while replies keep coming within the window; without a request only a run
 * 1, 2, 3… from distinct senders is a number-off. Finished chains are pushed onto `done`.
 */
export class NumberOffTracker {
  private readonly open = new Map<string, NumberOffState>();

  constructor(
    private readonly windowMs: number,
    private readonly minReplies: number,
  ) {}

  /** Hands a still-unanswered request to a #接龙 chain or card that starts in its window. */
  takeRequest(m: StoredMessage): StoredMessage | null {
    const st = this.open.get(m.groupId);
    if (!st?.request || st.chain.finding.posts > 0 || m.time - st.chain.finding.lastAt > this.windowMs) {
      return null;
    }
    this.open.delete(m.groupId);
    return st.request;
  }

  request(m: StoredMessage, done: RollCallFinding[]): void {
    this.close(m.groupId, done);
    const title = (m.text ?? '').replace(/\s+/g, ' ').trim();
    this.open.set(m.groupId, {
      chain: newRollCallChain(m, 'number-off', title, m),
      request: m,
      confirmed: true,
    });
  }

  reply(m: StoredMessage, n: number, done: RollCallFinding[]): void {
    let st = this.open.get(m.groupId);
    if (st && m.time - st.chain.finding.lastAt > this.windowMs) {
      this.close(m.groupId, done);
      st = undefined;
    }
    const sender = m.senderId ?? `?${m.id}`;
    if (st?.confirmed) {
      if (n > st.chain.maxNumber + MAX_JUMP) return;
      this.add(st, m, n);
      return;
    }
    if (st && n === st.chain.maxNumber + 1 && !st.chain.senders.has(sender)) {
      this.add(st, m, n);
      st.confirmed = st.chain.finding.posts >= SPONTANEOUS_MIN;
      return;
    }
    if (n === 1) {
      this.close(m.groupId, done);
      const chain = newRollCallChain(m, 'number-off', '报数', null);
      st = { chain, request: null, confirmed: false };
      this.open.set(m.groupId, st);
      this.add(st, m, n);
    }
  }

  /** A new notice (@所有人, a long text, a file or link) in the group ends its number-off. */
  interrupt(m: StoredMessage, done: RollCallFinding[]): void {
    this.close(m.groupId, done);
  }

  flush(done: RollCallFinding[]): void {
    for (const groupId of [...this.open.keys()]) this.close(groupId, done);
  }

  private add(st: NumberOffState, m: StoredMessage, n: number): void {
    addRollCallPost(st.chain, m);
    st.chain.maxNumber = Math.max(st.chain.maxNumber, n);
  }

  private close(groupId: string, done: RollCallFinding[]): void {
    const st = this.open.get(groupId);
    if (!st) return;
    this.open.delete(groupId);
    const posts = st.chain.finding.posts;
    if (st.request ? posts >= this.minReplies : st.confirmed) done.push(st.chain.finding);
  }
}
