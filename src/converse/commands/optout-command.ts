import { answer, type CommandHandler } from '../command-handler.js';

/** 退出记录 / optout: from now on the asker's messages are kept only as counts (the privacy layer). */
export const optoutCommand: CommandHandler = {
  name: 'optout',
  access: 'anyone',
  async run({ text, roles, privacy, clock }) {
    if (!privacy) return answer(text.unavailable);
    return answer(
      (await privacy.optOut(roles.contactId, clock.now())) ? text.optedOut : text.alreadyOptedOut,
    );
  },
};
