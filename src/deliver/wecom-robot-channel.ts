import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Config } from '../config/schema.js';
import type { SendableContent } from '../store/outbox.js';
import type { ChannelSender } from './channel.js';
import { readReply, wecomError } from './wecom-api.js';

type RobotSettings = Config['deliver']['wecomRobot'];

/** An image a robot may post: at most 2 MB before base64 (official limit). */
const MAX_IMAGE_BYTES = 2 * 1024 * 1024;

/**
 * A WeCom group robot (群机器人): `POST /cgi-bin/webhook/send?key=KEY` with `{ msgtype: 'markdown',
 * markdown: { content } }` (content at most 4096 bytes, UTF-8) or `{ msgtype: 'image', image:
 * { base64, md5 } }` (JPG/PNG up to 2 MB; md5 of the bytes before base64). A robot may post 20
 * messages a minute (45009 beyond that). It posts into the one group it was added to, so `to` is
 * ignored: it is for the supervisors' group only.
 */
export function createWecomRobotChannel(
  settings: RobotSettings,
  options: { fetch?: typeof fetch } = {},
): ChannelSender {
  const http = options.fetch ?? fetch;
  const url = `${settings.apiBase.replace(/\/+$/, '')}/cgi-bin/webhook/send?key=${encodeURIComponent(settings.key)}`;

  async function post(body: Record<string, unknown>): Promise<void> {
    const reply = await readReply(
      await http(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8' },
        body: JSON.stringify(body),
      }),
    );
    if (reply.errcode !== 0) throw wecomError('wecomRobot', reply);
  }

  return {
    throttle: {
      minGapMs: settings.minGapMs,
      jitterMs: 0,
      minGapSameRecipientMs: settings.minGapMs,
      maxPerMinute: settings.maxPerMinute,
    },
    async send(_to: string, content: SendableContent) {
      if (content.kind === 'text') return post({ msgtype: 'markdown', markdown: { content: content.text } });
      if (content.kind === 'mail') {
        return post({
          msgtype: 'markdown',
          markdown: { content: `**${content.subject}**\n\n${content.text}` },
        });
      }
      const png = 'path' in content ? await readFile(content.path) : Buffer.from(content.base64, 'base64');
      if (png.length > MAX_IMAGE_BYTES)
        throw new Error(`image of ${png.length} bytes exceeds the robot's 2 MB`);
      return post({
        msgtype: 'image',
        image: { base64: png.toString('base64'), md5: createHash('md5').update(png).digest('hex') },
      });
    },
  };
}
