import { describe, expect, it } from 'vitest';
import { clientAddress, LoginLimiter } from '../../../src/web/auth/login-limiter.js';

describe('clientAddress', () => {
  it.each([
    ['a direct client, no proxy configured', '203.0.113.7', undefined, [], '203.0.113.7'],
    ['X-Forwarded-For ignored without a trusted proxy', '203.0.113.7', '198.51.100.1', [], '203.0.113.7'],
    [
      'X-Forwarded-For ignored from a peer that is not the proxy',
      '203.0.113.7',
      '198.51.100.1',
      ['127.0.0.1'],
      '203.0.113.7',
    ],
    [
      'the right-most hop from the trusted proxy',
      '127.0.0.1',
      'forged, 198.51.100.1',
      ['127.0.0.1'],
      '198.51.100.1',
    ],
    [
      'trusted hops are skipped',
      '127.0.0.1',
      '198.51.100.1, 10.0.0.2',
      ['127.0.0.1', '10.0.0.2'],
      '198.51.100.1',
    ],
    [
      'IPv4-mapped IPv6 peers match IPv4 entries',
      '::ffff:127.0.0.1',
      '198.51.100.1',
      ['127.0.0.1'],
      '198.51.100.1',
    ],
    ['the proxy itself when the header is missing', '127.0.0.1', undefined, ['127.0.0.1'], '127.0.0.1'],
  ] as [string, string, string | undefined, string[], string][])(
    '%s',
    (_, peer, header, trusted, expected) => {
      expect(clientAddress(peer, header, trusted)).toBe(expected);
    },
  );
});

describe('LoginLimiter', () => {
  it('charges attempts on arrival, takes back a success, and forgets after the window', () => {
    let now = 0;
    const limiter = new LoginLimiter(3, 1000, () => now);
    const ok = limiter.begin('a');
    expect(ok.limited).toBe(false);
    ok.succeed();
    for (let i = 0; i < 3; i++) expect(limiter.begin('a').limited).toBe(false);
    expect(limiter.begin('a').limited).toBe(true);
    expect(limiter.begin('b').limited).toBe(false);
    now = 1001;
    expect(limiter.limited('a')).toBe(false);
  });
});
