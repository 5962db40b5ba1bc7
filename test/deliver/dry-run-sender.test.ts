import { describe, expect, it } from 'vitest';
import { createDryRunSender } from '../../src/deliver/dry-run-sender.js';

describe('createDryRunSender', () => {
  it('prints the recipient and the content instead of sending', async () => {
    const lines: string[] = [];
    const sender = createDryRunSender((t) => lines.push(t));
    await sender.sendText('u-li', '本周周报');
    await sender.sendImage('u-li', '/tmp/chart.png');
    await sender.sendImage('u-li', Buffer.alloc(12), 'audit.png');
    expect(lines).toEqual([
      '[演练] 发给 u-li：\n本周周报',
      '[演练] 发给 u-li 图片：/tmp/chart.png',
      '[演练] 发给 u-li 图片：audit.png（12 字节）',
    ]);
  });
});
