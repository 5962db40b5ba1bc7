import { answer, type CommandHandler } from '../command-handler.js';

/** 退订 / unsubscribe: ends the asker's daily digest (the groups stay noted as muted). */
export const unsubscribeCommand: CommandHandler = {
  name: 'unsubscribe',
  access: 'member',
  run({ text, roles, preferences }) {
    return answer(preferences.unsubscribe(roles.contactId) ? text.unsubscribed : text.notSubscribed);
  },
};
