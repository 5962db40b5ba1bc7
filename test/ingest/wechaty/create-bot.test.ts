import { describe, expect, it, vi } from 'vitest';
import { log, ScanStatus } from 'wechaty';
import { configSchema } from '../../../src/config/schema.js';
import { createBot } from '../../../src/ingest/wechaty/create-bot.js';
import { SimulationPuppet } from '../../../src/ingest/wechaty/simulation-puppet.js';

describe('createBot', () => {
  it('builds the simulation when no puppet is configured', () => {
    const created = createBot(configSchema.parse({}), { out: () => {} });
    expect(created.puppet).toBeInstanceOf(SimulationPuppet);
    expect(created.mocker).toBe(created.puppet?.mocker);
    expect(created.sent).toBe(created.puppet?.sent);
  });

  it('builds a real puppet by name without the simulation parts', () => {
    const config = configSchema.parse({ puppet: { name: 'wechaty-puppet-service', token: 'secret' } });
    const created = createBot(config, { out: () => {} });
    expect(created.mocker).toBeUndefined();
    expect(created.puppet).toBeUndefined();
    expect(created.sent).toEqual([]);
  });

  it('prints the login QR code while waiting for a scan, and only then', async () => {
    log.level('silent');
    const lines: string[] = [];
    const { bot, mocker } = createBot(configSchema.parse({}), { out: (text) => lines.push(text) });
    await bot.start();
    try {
      const qrcode = 'https://login.weixin.qq.com/l/qingqun-test';
      mocker?.scan(qrcode, ScanStatus.Scanned);
      mocker?.scan(qrcode, ScanStatus.Waiting);
      await vi.waitFor(() => expect(lines).toHaveLength(2));
      expect(lines[0]).toContain('扫码登录');
      expect(lines[0]).toMatch(/[▀▄█]/);
      expect(lines[1]).toContain(encodeURIComponent(qrcode));
    } finally {
      await bot.stop();
    }
    expect(lines).toHaveLength(2);
  });
});
