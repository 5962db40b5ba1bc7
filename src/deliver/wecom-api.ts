import { ChannelBlockedError, RateLimitedError } from './channel.js';
import { RecipientUnavailableError } from './sender.js';

/**
 * The shape every WeCom server API answers with (developer.work.weixin.qq.com, 全局错误码):
 * `errcode` 0 is success. Codes read here:
 * - 40014 invalid access_token, 42001 access_token expired, 41001 missing: fetch a new token;
 * - 45009 API frequency limit, 45033 too many concurrent calls: back off;
 * - 60020 the server's IP is not among the application's trusted IPs (企业可信IP);
 * - 40001 invalid secret, 40013 invalid corpid, 40056 invalid agentid, 48002 API forbidden,
 *   93000 invalid robot webhook key: configuration errors;
 * - 81013 every user/department/tag given is invalid or outside the application's visible range;
 * - -1 system busy: try again later.
 */
export interface WecomReply {
  errcode?: number;
  errmsg?: string;
  [field: string]: unknown;
}

export const TOKEN_ERRORS = new Set([40014, 42001, 41001]);
const RATE_LIMITS = new Set([45009, 45033]);
const CONFIG_ERRORS: Record<number, string> = {
  40001: 'the secret is wrong: check QINGQUN_WECOM_SECRET',
  40013: 'the corpid is wrong: check deliver.wecom.corpId',
  40056: 'the agentid is wrong: check deliver.wecom.agentId',
  48002: 'the application may not call this API: check its permissions in the WeCom admin console',
  60020:
    "this server's IP address is not among the application's trusted IPs (企业可信IP): add it in the WeCom admin console",
  93000: 'the robot webhook key is wrong: check QINGQUN_WECOM_ROBOT_KEY',
};

/** Backing off after a frequency limit: WeCom counts per minute. */
export const RATE_LIMIT_BACKOFF_MS = 60_000;

/**
 * Turns a non-zero errcode into the error the send queue acts on. `channel` names the channel in
 * the operator's message; `recipient`, when the call was for one person.
 */
export function wecomError(channel: 'wecom' | 'wecomRobot', reply: WecomReply, recipient?: string): Error {
  const code = reply.errcode ?? -1;
  const what = `WeCom ${code} ${reply.errmsg ?? ''}`.trim();
  if (RATE_LIMITS.has(code)) return new RateLimitedError(`${what}: frequency limit`, RATE_LIMIT_BACKOFF_MS);
  const hint = CONFIG_ERRORS[code];
  if (hint !== undefined) return new ChannelBlockedError(channel, String(code), `${what}: ${hint}`);
  if (code === 81013 && recipient !== undefined) return new RecipientUnavailableError(recipient, 'rejected');
  return new Error(what);
}

/** Reads a WeCom JSON reply; an HTTP failure is a retryable error. */
export async function readReply(response: Response): Promise<WecomReply> {
  if (!response.ok) throw new Error(`WeCom HTTP ${response.status}`);
  return (await response.json()) as WecomReply;
}
