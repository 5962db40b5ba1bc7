import { describe, expect, it } from 'vitest';
import { readEnvOptions } from '../../../src/config/read-env-options.js';
import { configSchema } from '../../../src/config/schema.js';
import { matchToken, supervisorKeys } from '../../../src/web/auth/supervisor-keys.js';

const T1 = `${'a'.repeat(15)}1`;
const T2 = 'b'.repeat(20);
const T3 = 'c'.repeat(24);

const parse = (tokens: string, org: Record<string, unknown> = {}) =>
  configSchema.safeParse({ ...readEnvOptions({ QINGQUN_DASHBOARD_TOKENS: tokens }), org });

describe('QINGQUN_DASHBOARD_TOKENS', () => {
  it('maps SUPERVISOR:TOKEN[:UNIT|UNIT] entries to web.tokens', () => {
    const result = parse(` town:${T1} , east:${T2}:东湖社区|西苑社区,`);
    expect(result.success && result.data.web.tokens).toEqual([
      { supervisor: 'town', token: T1, units: [] },
      { supervisor: 'east', token: T2, units: ['东湖社区', '西苑社区'] },
    ]);
  });

  it.each([
    ['no supervisor', T1],
    ['a short token', 'town:short-token'],
    ['a token with a space', `town:${'x'.repeat(10)} ${'y'.repeat(10)}`],
    ['too many parts', `town:${T1}:unit:more`],
    ['the same token twice', `a:${T1},b:${T1}`],
  ])('refuses %s without repeating the token in the error', (_, value) => {
    const result = parse(value);
    expect(result.success).toBe(false);
    const messages = JSON.stringify(result.error?.issues.map((i) => [i.path, i.message]));
    expect(messages).not.toContain(T1);
    expect(messages).not.toContain('short-token');
  });
});

describe('supervisorKeys and matchToken', () => {
  const config = configSchema.parse({
    web: { tokens: `town:${T1},east:${T2},west:${T3}:西苑社区` },
    org: {
      supervisors: [
        { id: 'east', units: ['东湖社区'] },
        { id: 'west', units: ['东湖社区'] },
      ],
    },
  });
  const keys = supervisorKeys(config);

  it('grants each token its supervisor and units (the token\u2019s own, else org.supervisors, else all)', () => {
    expect(matchToken(T1, keys)).toEqual({ supervisorId: 'town', units: null });
    expect(matchToken(T2, keys)).toEqual({ supervisorId: 'east', units: new Set(['东湖社区']) });
    expect(matchToken(T3, keys)).toEqual({ supervisorId: 'west', units: new Set(['西苑社区']) });
  });

  it.each([
    ['', 'empty'],
    [T1.slice(0, -1), 'prefix'],
    [`${T1} `, 'longer'],
    [T1.toUpperCase(), 'case'],
  ])('refuses %j (%s)', (token) => {
    expect(matchToken(token, keys)).toBeNull();
  });

  it('keeps only digests, never the tokens', () => {
    expect(JSON.stringify(keys)).not.toContain(T1);
    for (const k of keys) expect(k.digest).toHaveLength(32);
  });
});
