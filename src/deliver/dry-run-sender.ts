import type { Sender } from './sender.js';

/**
 * `--dry-run`: prints what would be sent instead of sending. The queue treats a print as a send
 * (the outbox row becomes 'sent'), so use it on a scratch database or a preview, never on the live one.
 */
export function createDryRunSender(
  out: (text: string) => void = (t) => process.stdout.write(`${t}\n`),
): Sender {
  return {
    async sendText(contactId, text) {
      out(`[演练] 发给 ${contactId}：\n${text}`);
    },
    async sendImage(contactId, image, name) {
      const what = typeof image === 'string' ? image : `${name ?? 'chart.png'}（${image.length} 字节）`;
      out(`[演练] 发给 ${contactId} 图片：${what}`);
    },
  };
}
