import { readFile } from 'node:fs/promises';
import type { Config } from '../config/schema.js';
import type { SendableContent } from '../store/outbox.js';
import type { ChannelSender } from './channel.js';
import { readReply, TOKEN_ERRORS, type WecomReply, wecomError } from './wecom-api.js';

type WecomSettings = Config['deliver']['wecom'];

/** A token is refreshed this long before WeCom says it expires (clock skew, slow calls). */
const EXPIRY_MARGIN_MS = 5 * 60_000;

/**
 * WeCom application messages (企业微信应用消息), per the official server API:
 * - `GET /cgi-bin/gettoken?corpid=&corpsecret=` → `{ access_token, expires_in }` (7200 s). The
 *   token is cached until shortly before it expires and fetched again when a call answers 40014
 *   (invalid) or 42001 (expired); one retry per call.
 * - `POST /cgi-bin/message/send?access_token=` with `{ touser, msgtype, agentid, text|markdown|image }`
 *   → `{ errcode, invaliduser, … }`. `touser` is one WeCom user id; an id listed back in
 *   `invaliduser`, or errcode 81013, means the recipient is outside the application's visible range.
 * - `POST /cgi-bin/media/upload?access_token=&type=image` (multipart, field `media`) →
 *   `{ media_id }`, valid three days: the chart is uploaded and sent as an image message.
 * Limits: text and markdown content at most 2048 bytes (the router cuts parts to fit).
 */
export function createWecomChannel(
  settings: WecomSettings,
  options: { fetch?: typeof fetch; now?: () => number } = {},
): ChannelSender {
  const http = options.fetch ?? fetch;
  const now = options.now ?? Date.now;
  const base = settings.apiBase.replace(/\/+$/, '');
  let cached: { token: string; expiresAt: number } | undefined;

  async function token(): Promise<string> {
    if (cached && cached.expiresAt > now()) return cached.token;
    const url = `${base}/cgi-bin/gettoken?corpid=${encodeURIComponent(settings.corpId)}&corpsecret=${encodeURIComponent(settings.secret)}`;
    const reply = await readReply(await http(url));
    if (reply.errcode !== 0 || typeof reply.access_token !== 'string') throw wecomError('wecom', reply);
    const ttl = typeof reply.expires_in === 'number' ? reply.expires_in * 1000 : 7_200_000;
    cached = { token: reply.access_token, expiresAt: now() + Math.max(0, ttl - EXPIRY_MARGIN_MS) };
    return cached.token;
  }

  /** Calls an API with the token; on 40014/42001 forgets the token and calls once more. */
  async function call(makeRequest: (token: string) => Promise<Response>): Promise<WecomReply> {
    let reply = await readReply(await makeRequest(await token()));
    if (TOKEN_ERRORS.has(reply.errcode ?? 0)) {
      cached = undefined;
      reply = await readReply(await makeRequest(await token()));
    }
    return reply;
  }

  async function upload(png: Buffer, name: string): Promise<string> {
    const reply = await call((t) => {
      const form = new FormData();
      form.append('media', new Blob([png], { type: 'image/png' }), name);
      return http(`${base}/cgi-bin/media/upload?access_token=${encodeURIComponent(t)}&type=image`, {
        method: 'POST',
        body: form,
      });
    });
    if (reply.errcode !== 0 || typeof reply.media_id !== 'string') throw wecomError('wecom', reply);
    return reply.media_id;
  }

  async function message(to: string, body: Record<string, unknown>): Promise<void> {
    const reply = await call((t) =>
      http(`${base}/cgi-bin/message/send?access_token=${encodeURIComponent(t)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8' },
        body: JSON.stringify({ touser: to, agentid: settings.agentId, ...body }),
      }),
    );
    if (reply.errcode !== 0) throw wecomError('wecom', reply, 'wecom user');
    const invalid = String(reply.invaliduser ?? '')
      .split('|')
      .filter((u) => u !== '');
    if (invalid.includes(to))
      throw wecomError('wecom', { errcode: 81013, errmsg: 'invaliduser' }, 'wecom user');
  }

  return {
    throttle: {
      minGapMs: settings.minGapMs,
      jitterMs: 0,
      minGapSameRecipientMs: settings.minGapMs,
      maxPerMinute: settings.maxPerMinute,
    },
    async send(to: string, content: SendableContent) {
      if (content.kind === 'text') {
        await message(
          to,
          settings.format === 'markdown'
            ? { msgtype: 'markdown', markdown: { content: content.text } }
            : { msgtype: 'text', text: { content: content.text.replace(/\*\*/g, '') } },
        );
        return;
      }
      if (content.kind === 'mail') {
        await message(to, { msgtype: 'text', text: { content: `${content.subject}\n\n${content.text}` } });
        return;
      }
      const png = 'path' in content ? await readFile(content.path) : Buffer.from(content.base64, 'base64');
      const name = 'path' in content ? 'chart.png' : (content.name ?? 'chart.png');
      const mediaId = await upload(png, name);
      await message(to, { msgtype: 'image', image: { media_id: mediaId } });
    },
  };
}
