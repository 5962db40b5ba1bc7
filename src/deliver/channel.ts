import type { Config } from '../config/schema.js';
import type { OutboxChannel, SendableContent } from '../store/outbox.js';
import type { ThrottleSettings } from './send-throttle.js';

export type ChannelName = OutboxChannel;

export const CHANNEL_NAMES: readonly ChannelName[] = ['wechat', 'email', 'wecom', 'wecomRobot'];

/** Who a message is for: each audience has its own ordered channel list (deliver.channels). */
export type Audience = 'owners' | 'supervisors' | 'cadres';

/**
 * A delivery channel besides the Wechaty account. `send` delivers one outbox row's content to an
 * address on the channel (an email address, a WeCom user id; the group robot ignores it). Errors,
 * as the send queue reads them (src/deliver/sender.ts has the rest):
 * - RecipientUnavailableError: this recipient cannot be reached on this channel; no retry;
 * - SenderOfflineError: nothing was attempted (e.g. the server is unreachable before connecting
 *   is not this: that is a retryable error); the channel is skipped for the rest of the drain;
 * - RateLimitedError: the service asked to slow down; the row waits, not counted as an attempt;
 * - ChannelBlockedError: no retry can fix it (wrong IP, wrong credentials); reported once and the
 *   channel is stopped for this process, its messages kept queued;
 * - anything else: a failure worth retrying with backoff.
 */
export interface ChannelSender {
  readonly throttle: ThrottleSettings;
  send(to: string, content: SendableContent): Promise<void>;
}

/** The service asked to slow down (WeCom 45009, SMTP 421/450/451/452). */
export class RateLimitedError extends Error {
  constructor(
    message: string,
    readonly retryAfterMs: number,
  ) {
    super(message);
    this.name = 'RateLimitedError';
  }
}

/** A channel-wide error no retry fixes; `hint` tells the operator what to change, in one line. */
export class ChannelBlockedError extends Error {
  constructor(
    readonly channel: ChannelName,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ChannelBlockedError';
  }
}

/** Whether the configuration sets a channel up (secrets included). WeChat is the bot's account. */
export function channelConfigured(config: Config, channel: ChannelName): boolean {
  const d = config.deliver;
  switch (channel) {
    case 'wechat':
      return true;
    case 'email':
      return d.email.host !== '';
    case 'wecom':
      return d.wecom.corpId !== '' && d.wecom.secret !== '' && d.wecom.agentId > 0;
    case 'wecomRobot':
      return d.wecomRobot.key !== '';
  }
}

/** The channels any audience lists, in a stable order. */
export function channelsInUse(config: Config): ChannelName[] {
  const listed = new Set<ChannelName>(Object.values(config.deliver.channels).flat());
  return CHANNEL_NAMES.filter((c) => listed.has(c));
}
