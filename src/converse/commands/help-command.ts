import { answer, type CommandHandler } from '../command-handler.js';

/** 帮助 / help: the commands this contact may use (ctx.available), and nothing about others' rights. */
export const helpCommand: CommandHandler = {
  name: 'help',
  access: 'anyone',
  run({ text, available }) {
    const lines = available.map((name) => `· ${text.help[name]}`);
    return answer([text.helpHead, ...lines, text.helpFoot].join('\n'));
  },
};
