import type { Command } from '../command.js';
import { answer } from '../reply.js';

/** 帮助 / help: the commands this contact may use (ctx.available), and nothing about others' rights. */
export const helpCommand: Command = {
  name: 'help',
  words: ['帮助', '菜单', '命令', 'help', '?'],
  access: 'anyone',
  help: (text) => text.help.help,
  run({ text, available }) {
    const lines = available.map((command) => `· ${command.help(text)}`);
    return answer([text.helpHead, ...lines, text.helpFoot].join('\n'));
  },
};
