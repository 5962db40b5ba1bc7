import type { Config } from '../config/schema.js';
import type { Store } from '../store/store.js';
import {
  CHANNEL_NAMES,
  type ChannelName,
  type ChannelSender,
  channelConfigured,
  channelsInUse,
} from './channel.js';
import { createEmailChannel } from './email-channel.js';
import { createWecomChannel } from './wecom-channel.js';
import { createWecomRobotChannel } from './wecom-robot-channel.js';

export type ChannelSenders = Partial<Record<Exclude<ChannelName, 'wechat'>, ChannelSender>>;

export interface Channels {
  senders: ChannelSenders;
  addressOf: (recipientId: string, channel: ChannelName) => string | undefined;
  /** Channels listed in deliver.channels that are not configured (their section or secret is missing). */
  unconfigured: ChannelName[];
  close(): void;
}

/**
 * The senders of every non-WeChat channel the configuration sets up,
 * and the address lookup the send queue uses (read at send time, so a corrected address applies to
 * messages already queued).
 */
export function createChannels(
  store: Store,
  config: Config,
  options: { fetch?: typeof fetch } = {},
): Channels {
  const senders: ChannelSenders = {};
  const closers: (() => void)[] = [];
  const unconfigured: ChannelName[] = [];
  const subject = config.locale === 'en' ? 'qingqun' : '清群';
  const listed = new Set(channelsInUse(config));
  // Every configured channel gets a sender (the WeCom callback answers on WeCom even when no
  // audience lists it); a listed channel that is not configured is reported.
  for (const name of CHANNEL_NAMES) {
    if (name === 'wechat') continue;
    if (!channelConfigured(config, name)) {
      if (listed.has(name)) unconfigured.push(name);
      continue;
    }
    if (name === 'email') {
      const email = createEmailChannel(config.deliver.email, () => subject);
      senders.email = email;
      closers.push(() => email.close());
    } else if (name === 'wecom') {
      senders.wecom = createWecomChannel(config.deliver.wecom, { fetch: options.fetch });
    } else {
      senders.wecomRobot = createWecomRobotChannel(config.deliver.wecomRobot, { fetch: options.fetch });
    }
  }
  return {
    senders,
    unconfigured,
    addressOf(recipientId, channel) {
      if (channel === 'wechat') return recipientId;
      const a = store.contacts.addresses(recipientId);
      const value = channel === 'email' ? a?.email : channel === 'wecom' ? a?.wecomUserId : '';
      return value ?? undefined;
    },
    close() {
      for (const close of closers) close();
    },
  };
}
