import { describe, expect, it } from 'vitest';
import type { Access } from '../../../src/web/access.js';
import { SessionStore } from '../../../src/web/auth/session-store.js';

const access: Access = { supervisorId: 's', units: null };

describe('SessionStore', () => {
  it('gives random 256-bit ids that expire at a fixed time', () => {
    let now = 0;
    const sessions = new SessionStore(1000, () => now);
    const a = sessions.create(access);
    const b = sessions.create(access);
    expect(a.id).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a.id).not.toBe(b.id);
    now = 999;
    expect(sessions.get(a.id)).toBe(access);
    now = 1000;
    expect(sessions.get(a.id)).toBeNull();
    expect(sessions.get(undefined)).toBeNull();
    expect(sessions.get('unknown')).toBeNull();
  });

  it('forgets a session at logout and the oldest beyond its maximum', () => {
    const sessions = new SessionStore(1000, () => 0, 2);
    const a = sessions.create(access);
    const b = sessions.create(access);
    sessions.delete(b.id);
    expect(sessions.get(b.id)).toBeNull();
    const c = sessions.create(access);
    const d = sessions.create(access);
    expect(sessions.size).toBe(2);
    expect(sessions.get(a.id)).toBeNull();
    expect(sessions.get(c.id)).toBe(access);
    expect(sessions.get(d.id)).toBe(access);
  });
});
