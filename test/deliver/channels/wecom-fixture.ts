import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for WeCom's server API on 127.0.0.1, with the request and response shapes of
 * the official documentation (developer.work.weixin.qq.com): gettoken, message/send, media/upload
 * and the group robot's webhook/send. Errors are scripted: `expireToken()` makes the current token
 * answer 42001, `script.send` / `script.robot` hold errcodes for the next calls, `visible` lists
 * the user ids inside the application's visible range (others get 81013).
 */
export interface WecomCall {
  path: string;
  query: Record<string, string>;
  body: unknown;
  /** media/upload: the multipart file's name, type and bytes. */
  file?: { name: string; type: string; bytes: Buffer };
}

export const CORP_ID = 'ww0123456789abcdef';
export const SECRET = 'app-secret-for-tests';
export const AGENT_ID = 1000002;
export const ROBOT_KEY = '693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa';

const ERRMSG: Record<number, string> = {
  40001: 'invalid credential',
  42001: 'access_token expired',
  40014: 'invalid access_token',
  45009: 'api freq out of limit',
  60020: 'not allow to access from your ip',
  81013: 'user & party & tag all invalid',
  93000: 'invalid webhook url',
};

const error = (errcode: number) => ({ errcode, errmsg: ERRMSG[errcode] ?? 'error' });

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function startWecom(options: { visible: string[]; now?: () => number }) {
  const now = options.now ?? Date.now;
  const calls: WecomCall[] = [];
  const script = { send: [] as number[], robot: [] as number[] };
  let tokens = 0;
  let current = '';
  const media = new Map<string, Buffer>();
  const robotTimes: number[] = [];

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const query = Object.fromEntries(url.searchParams);
    const raw = await readBody(req);
    const type = req.headers['content-type'] ?? '';
    const call: WecomCall = { path: url.pathname, query, body: null };
    const reply = (value: unknown) => {
      res.setHeader('content-type', 'application/json; charset=UTF-8');
      res.end(JSON.stringify(value));
    };
    if (type.startsWith('application/json')) call.body = JSON.parse(raw.toString('utf8'));
    if (type.startsWith('multipart/form-data')) {
      const form = await new Response(raw, { headers: { 'content-type': type } }).formData();
      const file = form.get('media');
      if (file instanceof File) {
        call.file = { name: file.name, type: file.type, bytes: Buffer.from(await file.arrayBuffer()) };
      }
    }
    calls.push(call);
    switch (url.pathname) {
      case '/cgi-bin/gettoken': {
        if (query.corpid !== CORP_ID || query.corpsecret !== SECRET) return reply(error(40001));
        current = `token-${++tokens}`;
        return reply({ errcode: 0, errmsg: 'ok', access_token: current, expires_in: 7200 });
      }
      case '/cgi-bin/media/upload': {
        if (query.access_token !== current) return reply(error(42001));
        if (query.type !== 'image' || !call.file) return reply(error(40004));
        const id = `media-${media.size + 1}`;
        media.set(id, call.file.bytes);
        return reply({ errcode: 0, errmsg: 'ok', type: 'image', media_id: id, created_at: '1380000000' });
      }
      case '/cgi-bin/message/send': {
        if (query.access_token !== current) return reply(error(42001));
        const scripted = script.send.shift();
        if (scripted !== undefined) return reply(error(scripted));
        const body = call.body as { touser: string; agentid: number };
        if (body.agentid !== AGENT_ID) return reply(error(40056));
        if (!options.visible.includes(body.touser)) {
          return reply({ ...error(81013), invaliduser: body.touser });
        }
        return reply({
          errcode: 0,
          errmsg: 'ok',
          invaliduser: '',
          invalidparty: '',
          invalidtag: '',
          msgid: `m${calls.length}`,
        });
      }
      case '/cgi-bin/webhook/send': {
        if (query.key !== ROBOT_KEY) return reply(error(93000));
        const scripted = script.robot.shift();
        if (scripted !== undefined) return reply(error(scripted));
        // 20 messages a minute per robot.
        const t = now();
        while (robotTimes.length > 0 && (robotTimes[0] as number) <= t - 60_000) robotTimes.shift();
        if (robotTimes.length >= 20) return reply(error(45009));
        robotTimes.push(t);
        const body = call.body as { msgtype: string; markdown?: { content: string } };
        if (body.msgtype === 'markdown' && Buffer.byteLength(body.markdown?.content ?? '') > 4096) {
          return reply({ errcode: 40058, errmsg: 'markdown.content exceed max length 4096' });
        }
        return reply({ errcode: 0, errmsg: 'ok' });
      }
      default:
        res.statusCode = 404;
        res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    calls,
    script,
    media,
    tokensIssued: () => tokens,
    expireToken: () => {
      current = `expired-${current}`;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
