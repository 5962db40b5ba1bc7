import { CommanderError } from 'commander';
import { describe, expect, it } from 'vitest';
import { failure, usageError, validating } from '../../src/cli/cli-error.js';
import { describeError } from '../../src/cli/describe-error.js';
import { MESSAGES } from '../../src/cli/messages.js';
import { ConfigError } from '../../src/config/config-error.js';
import { StoreError } from '../../src/store/store-error.js';

describe('describeError: the one place errors become lines', () => {
  it('keeps bugs apart from usage errors: a stray RangeError or TypeError is internal (exit 70)', () => {
    for (const bug of [
      new RangeError('Invalid array length'),
      new TypeError("reading 'start'"),
      'thrown string',
    ]) {
      const d = describeError(bug, 'zh-CN');
      expect(d.exitCode).toBe(70);
      expect(d.internal).toBe(true);
      expect(d.line).toContain('内部错误');
      expect(d.line).toContain('QINGQUN_DEBUG=1');
    }
    expect(describeError(new RangeError('x'), 'en').line).toMatch(/^internal error \(a bug/);
  });

  it('gives usage errors exit 2 and failures exit 1, in the locale asked', () => {
    expect(describeError(usageError('badWeek', { flag: '--week', got: 'x' }), 'en')).toEqual({
      line: '--week: expected an ISO week like 2026-W47, got "x"',
      exitCode: 2,
      internal: false,
    });
    expect(describeError(failure('exists', { path: '/a' }), 'zh-CN').exitCode).toBe(1);
    expect(describeError(new ConfigError('invalid configuration:\n  locale: bad'), 'en').line).toBe(
      'invalid configuration: locale: bad',
    );
    const commander = new CommanderError(1, 'commander.unknownCommand', "error: unknown command 'stast'");
    expect(describeError(commander, 'zh-CN').exitCode).toBe(2);
  });

  it('turns only the documented input-validation RangeErrors into usage errors', () => {
    expect(() =>
      validating(() => {
        throw new RangeError('groups: expected an integer from 10 to 1000000, got 3');
      }),
    ).toThrow(expect.objectContaining({ exitCode: 2, id: 'badValue' }));
    expect(() =>
      validating(() => {
        throw new TypeError('bug');
      }),
    ).toThrow(TypeError);
  });

  it('explains store problems and system errors by the context they carry', () => {
    const missing = new StoreError('no database here', '/x/q.sqlite', { problem: 'missing' });
    expect(describeError(missing, 'en').line).toContain('no database at /x/q.sqlite');
    const port = Object.assign(new Error('listen EADDRINUSE'), {
      code: 'EADDRINUSE',
      syscall: 'listen',
      address: '127.0.0.1',
      port: 8080,
    });
    expect(describeError(port, 'zh-CN')).toMatchObject({
      exitCode: 1,
      line: expect.stringContaining('端口 8080'),
    });
    const sqlite = Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
    expect(describeError(sqlite, 'en', { db: '/d.sqlite' }).line).toContain('/d.sqlite is locked');
  });

  it('has every message in both languages, each one line', () => {
    expect(Object.keys(MESSAGES.en).sort()).toEqual(Object.keys(MESSAGES['zh-CN']).sort());
    for (const locale of ['zh-CN', 'en'] as const) {
      for (const [id, say] of Object.entries(MESSAGES[locale])) {
        const line = (say as (p: unknown) => string)(
          new Proxy({}, { get: (_t, key) => (key === 'hint' ? '' : `<${String(key)}>`) }),
        );
        expect(line, id).not.toContain('\n');
        expect(line, id).not.toContain('undefined');
      }
    }
  });
});
