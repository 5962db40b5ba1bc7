import { answer, type CommandHandler } from '../command-handler.js';

/** 恢复记录 / optin: undoes the asker's opt-out. */
export const optinCommand: CommandHandler = {
  name: 'optin',
  access: 'anyone',
  async run({ text, roles, privacy, clock }) {
    if (!privacy) return answer(text.unavailable);
    return answer((await privacy.optIn(roles.contactId, clock.now())) ? text.optedIn : text.notOptedOut);
  },
};
