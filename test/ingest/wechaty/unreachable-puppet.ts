/**
 * A puppet that cannot connect, for the real-account path's tests (loaded by file path through
 * WECHATY_PUPPET; load-puppet.ts). QINGQUN_TEST_PUPPET_MODE picks how it fails, as real puppets do:
 * - `flood` (default): starts, then emits the same network error every 20 ms and never shows a
 *   QR code (wechaty-puppet-wechat4u without network, issue 15); stopping it throws from a timer
 *   (the `reading 'start'` TypeError seen on Ctrl-C);
 * - `throw`: start fails at once (an unreachable token service);
 * - `qr`: connects and shows a login QR code, then waits for a scan that never comes (for Ctrl-C).
 */
import { PuppetMock } from 'wechaty-puppet-mock';

export default class UnreachablePuppet extends PuppetMock {
  private flood: NodeJS.Timeout | undefined;

  override async onStart(): Promise<void> {
    const mode = process.env.QINGQUN_TEST_PUPPET_MODE ?? 'flood';
    if (mode === 'throw') throw new Error('getaddrinfo ENOTFOUND login.wx.qq.com');
    if (mode === 'qr') {
      setTimeout(
        () => this.emit('scan', { qrcode: 'https://login.weixin.qq.com/l/qingqun-test', status: 2 }),
        50,
      );
      return;
    }
    this.flood = setInterval(() => this.emit('error', { gerror: 'connect ETIMEDOUT 101.91.22.57:443' }), 20);
  }

  override async onStop(): Promise<void> {
    if (this.flood) {
      clearInterval(this.flood);
      this.flood = undefined;
      // What wechat4u does when stopped mid-connect: a timer of its own reads a field already gone.
      setTimeout(() => {
        const gone = undefined as unknown as { start(): void };
        gone.start();
      }, 10);
    }
  }
}
