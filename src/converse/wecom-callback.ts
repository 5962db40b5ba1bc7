/**
 * The WeCom application's callback (接收消息服务器): private-chat commands for deployments whose only
 * chat is WeCom. As WeCom documents it (加解密方案说明):
 * - every request carries `msg_signature`, `timestamp`, `nonce`; the signature is the SHA-1 hex of
 *   the four strings token, timestamp, nonce and the ciphertext, sorted and concatenated;
 * - the AES key is base64(EncodingAESKey + "="), 32 bytes; AES-256-CBC with the key's first 16
 *   bytes as IV and PKCS#7 padding to 32-byte blocks; the plaintext is 16 random bytes, the
 *   message's length (4 bytes, big-endian), the message, then the receiver id (the CorpID);
 * - URL verification: `GET ?msg_signature&timestamp&nonce&echostr` — answer the decrypted echostr;
 * - messages: `POST` with XML `<xml><ToUserName/><AgentID/><Encrypt/></xml>`; the decrypted XML has
 *   `ToUserName`, `FromUserName` (the sender's user id), `CreateTime`, `MsgType`, `Content`, `MsgId`,
 *   `AgentID`. An empty 200 answer means "received"; replies go later through the send queue
 *   (application messages), never as a passive reply, so they are throttled and kept like every
 *   other message. WeCom retries a request that is not answered within 5 s, three times: MsgId
 *   makes the reply's dedupe key, so a retried message is answered once.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export interface WecomCrypto {
  token: string;
  encodingAesKey: string;
  /** The CorpID: the receiver id inside every ciphertext. */
  corpId: string;
}

export class WecomCallbackError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'WecomCallbackError';
  }
}

export function wecomSignature(token: string, timestamp: string, nonce: string, encrypted: string): string {
  return createHash('sha1').update([token, timestamp, nonce, encrypted].sort().join('')).digest('hex');
}

function keyOf(c: WecomCrypto): Buffer {
  const key = Buffer.from(`${c.encodingAesKey}=`, 'base64');
  if (key.length !== 32) throw new WecomCallbackError('EncodingAESKey must decode to 32 bytes', 500);
  return key;
}

function verify(
  c: WecomCrypto,
  signature: string,
  timestamp: string,
  nonce: string,
  encrypted: string,
): void {
  const expected = Buffer.from(wecomSignature(c.token, timestamp, nonce, encrypted));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    throw new WecomCallbackError('wrong msg_signature', 401);
  }
}

export function wecomDecrypt(c: WecomCrypto, encrypted: string): string {
  const key = keyOf(c);
  const decipher = createDecipheriv('aes-256-cbc', key, key.subarray(0, 16));
  decipher.setAutoPadding(false);
  let plain: Buffer;
  try {
    plain = Buffer.concat([decipher.update(Buffer.from(encrypted, 'base64')), decipher.final()]);
  } catch {
    throw new WecomCallbackError('cannot decrypt', 400);
  }
  const pad = plain[plain.length - 1] ?? 0;
  if (pad < 1 || pad > 32) throw new WecomCallbackError('bad padding', 400);
  const body = plain.subarray(0, plain.length - pad);
  if (body.length < 20) throw new WecomCallbackError('ciphertext too short', 400);
  const length = body.readUInt32BE(16);
  if (20 + length > body.length) throw new WecomCallbackError('bad message length', 400);
  const message = body.subarray(20, 20 + length).toString('utf8');
  const receiver = body.subarray(20 + length).toString('utf8');
  if (receiver !== c.corpId) throw new WecomCallbackError('the message is for another CorpID', 400);
  return message;
}

/** WeCom's encryption (for passive replies and tests). */
export function wecomEncrypt(c: WecomCrypto, message: string, random: Buffer = randomBytes(16)): string {
  const key = keyOf(c);
  const msg = Buffer.from(message, 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(msg.length);
  const body = Buffer.concat([random, length, msg, Buffer.from(c.corpId, 'utf8')]);
  const pad = 32 - (body.length % 32);
  const cipher = createCipheriv('aes-256-cbc', key, key.subarray(0, 16));
  cipher.setAutoPadding(false);
  return Buffer.concat([
    cipher.update(Buffer.concat([body, Buffer.alloc(pad, pad)])),
    cipher.final(),
  ]).toString('base64');
}

/** A field of WeCom's flat XML (CDATA or plain). */
export function xmlField(xml: string, name: string): string | undefined {
  const match = new RegExp(`<${name}>(?:<!\\[CDATA\\[([\\s\\S]*?)\\]\\]>|([^<]*))</${name}>`).exec(xml);
  return match ? (match[1] ?? match[2] ?? '') : undefined;
}

export interface WecomIncoming {
  fromUserId: string;
  msgType: string;
  content: string;
  msgId: string | undefined;
}

export interface WecomQuery {
  msg_signature?: string;
  timestamp?: string;
  nonce?: string;
  echostr?: string;
}

/** URL verification: the plaintext echostr to answer with. */
export function verifyCallbackUrl(c: WecomCrypto, q: WecomQuery): string {
  if (!q.msg_signature || !q.timestamp || !q.nonce || !q.echostr) {
    throw new WecomCallbackError('missing msg_signature, timestamp, nonce or echostr', 400);
  }
  verify(c, q.msg_signature, q.timestamp, q.nonce, q.echostr);
  return wecomDecrypt(c, q.echostr);
}

/** A message POST: the decrypted message, after checking the signature. */
export function readCallbackMessage(c: WecomCrypto, q: WecomQuery, body: string): WecomIncoming {
  const encrypted = xmlField(body, 'Encrypt');
  if (!q.msg_signature || !q.timestamp || !q.nonce || !encrypted) {
    throw new WecomCallbackError('missing msg_signature, timestamp, nonce or Encrypt', 400);
  }
  verify(c, q.msg_signature, q.timestamp, q.nonce, encrypted);
  const xml = wecomDecrypt(c, encrypted);
  return {
    fromUserId: xmlField(xml, 'FromUserName') ?? '',
    msgType: xmlField(xml, 'MsgType') ?? '',
    content: xmlField(xml, 'Content') ?? '',
    msgId: xmlField(xml, 'MsgId'),
  };
}
