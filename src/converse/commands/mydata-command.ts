import { answer, type CommandHandler } from '../command-handler.js';
import { localTime } from '../local-time.js';

/**
 * 我的数据 / mydata: everything stored about the asker — contact, recording status, their message
 * counts, their mute and digest settings — and how long it is kept. Only ever about the asker.
 */
export const mydataCommand: CommandHandler = {
  name: 'mydata',
  access: 'anyone',
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
