import { describe, expect, it } from 'vitest';
import { safeNext } from '../../src/web/request-options.js';

describe('safeNext', () => {
  it.each([
    ['/', '/'],
    ['/notices?week=2026-W46&lang=en', '/notices?week=2026-W46&lang=en'],
    ['/group?id=g%40chatroom', '/group?id=g%40chatroom'],
    ['https://evil.example/', '/'],
    ['//evil.example/x', '/'],
    ['/\\evil.example', '/'],
    ['/\tx', '/'],
    ['/\nSet-Cookie: x', '/'],
    ['javascript:alert(1)', '/'],
    ['', '/'],
    [undefined, '/'],
    [42, '/'],
    [`/${'a'.repeat(3000)}`, '/'],
  ])('%j → %j', (input, expected) => {
    expect(safeNext(input)).toBe(expected);
  });
});
