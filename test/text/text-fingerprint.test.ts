import { describe, expect, it } from 'vitest';
import { textFingerprint } from '../../src/text/notice-form.js';

describe('textFingerprint', () => {
  it('is 16 hex digits, the same for copies that differ only in punctuation, spacing, emoji or script', () => {
    const f = textFingerprint('收到');
    expect(f).toMatch(/^[0-9a-f]{16}$/);
    expect(textFingerprint('收到！')).toBe(f);
    expect(textFingerprint(' 收 到 👍')).toBe(f);
    expect(textFingerprint('關於開展檢查的通知')).toBe(textFingerprint('关于开展检查的通知'));
  });

  it('differs for different texts, including texts of only emoji', () => {
    expect(textFingerprint('收到')).not.toBe(textFingerprint('好的'));
    expect(textFingerprint('👍👍')).not.toBe(textFingerprint('🌹'));
    expect(textFingerprint('👍👍')).toMatch(/^[0-9a-f]{16}$/);
  });

  it('is null for no text and blank text', () => {
    expect(textFingerprint(null)).toBeNull();
    expect(textFingerprint('')).toBeNull();
    expect(textFingerprint(' \n\t ')).toBeNull();
  });
});
