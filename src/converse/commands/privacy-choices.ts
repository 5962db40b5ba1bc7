import type { Command } from '../command.js';
import { localTime } from '../local-time.js';
import { answer } from '../reply.js';

/**
 * What the asker chooses about their own data, through the privacy layer (ctx.privacy; without it
 * each command says it is not available): stop or resume recording, and see what is stored.
 */

/** 退出记录 / optout: from now on the asker's messages are kept only as counts (the privacy layer). */
export const optoutCommand: Command = {
  name: 'optout',
  words: ['退出记录', 'optout', 'opt-out', 'opt out'],
  access: 'anyone',
  help: (text) => text.help.optout,
  async run({ text, roles, privacy, clock }) {
    if (!privacy) return answer(text.unavailable);
    return answer(
      (await privacy.optOut(roles.contactId, clock.now())) ? text.optedOut : text.alreadyOptedOut,
    );
  },
};

/** 恢复记录 / optin: undoes the asker's opt-out. */
export const optinCommand: Command = {
  name: 'optin',
  words: ['恢复记录', 'optin', 'opt-in', 'opt in'],
  access: 'anyone',
  help: (text) => text.help.optin,
  async run({ text, roles, privacy, clock }) {
    if (!privacy) return answer(text.unavailable);
    return answer((await privacy.optIn(roles.contactId, clock.now())) ? text.optedIn : text.notOptedOut);
  },
};

/**
 * 我的数据 / mydata: everything stored about the asker — contact, recording status, their message
 * counts, their mute and digest settings — and how long it is kept. Only ever about the asker.
 */
export const mydataCommand: Command = {
  name: 'mydata',
  words: ['我的数据', 'mydata', 'my data'],
  access: 'anyone',
  help: (text) => text.help.mydata,
  async run({ config, text, roles, privacy, preferences }) {
    if (!privacy) return answer(text.unavailable);
    const r = await privacy.describeMember(roles.contactId);
    const day = (ms: number | null) => (ms === null ? null : localTime(ms, config.timezone, text));
    return answer(
      [
        text.mydataHead,
        r.contact ? text.mydataContact(r.contact.name, r.contact.unit) : text.mydataNoContact,
        text.mydataStatus(day(r.optedOutSince)),
        text.mydataGroups(r.groups),
        text.mydataMessages(r.messages, r.messagesWithText, day(r.firstMessageAt), day(r.lastMessageAt)),
        text.mydataSettings(
          preferences.mutedGroups(roles.contactId).length,
          preferences.subscription(roles.contactId) !== undefined,
        ),
        '',
        text.mydataRetention(config.retention.textDays, config.retention.recordDays),
      ].join('\n'),
    );
  },
};
