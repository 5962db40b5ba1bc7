import { randomBytes } from 'node:crypto';
import type { Access } from '../access.js';

interface Session {
  access: Access;
  expiresAt: number;
}

/**
 * Logged-in sessions, in memory only (a restart logs everyone out). A session id is 256 random
 * bits; a session ends at a fixed time after login (no sliding renewal) or at logout. At most
 * `max` sessions are kept: beyond that the oldest is forgotten.
 */
export class SessionStore {
  private readonly sessions = new Map<string, Session>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
    private readonly max = 10_000,
  ) {}

  create(access: Access): { id: string; expiresAt: number } {
    this.prune();
    while (this.sessions.size >= this.max) {
      const oldest = this.sessions.keys().next().value;
      if (oldest === undefined) break;
      this.sessions.delete(oldest);
    }
    const id = randomBytes(32).toString('base64url');
    const expiresAt = this.now() + this.ttlMs;
    this.sessions.set(id, { access, expiresAt });
    return { id, expiresAt };
  }

  /** The session's access, or null when the id is unknown or expired. */
  get(id: string | undefined): Access | null {
    if (id === undefined) return null;
    const session = this.sessions.get(id);
    if (!session) return null;
    if (session.expiresAt <= this.now()) {
      this.sessions.delete(id);
      return null;
    }
    return session.access;
  }

  delete(id: string | undefined): void {
    if (id !== undefined) this.sessions.delete(id);
  }

  get size(): number {
    return this.sessions.size;
  }

  private prune(): void {
    const now = this.now();
    for (const [id, s] of this.sessions) if (s.expiresAt <= now) this.sessions.delete(id);
  }
}
