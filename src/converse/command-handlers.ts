import type { CommandHandler } from './command-handler.js';
import { acceptCommand } from './commands/accept-command.js';
import { auditCommand } from './commands/audit-command.js';
import { digestCommand } from './commands/digest-command.js';
import { dismissCommand } from './commands/dismiss-command.js';
import { groupsCommand } from './commands/groups-command.js';
import { helpCommand } from './commands/help-command.js';
import { muteCommand } from './commands/mute-command.js';
import { muteSuggestionsCommand } from './commands/mute-suggestions-command.js';
import { mydataCommand } from './commands/mydata-command.js';
import { optinCommand } from './commands/optin-command.js';
import { optoutCommand } from './commands/optout-command.js';
import { subscribeCommand } from './commands/subscribe-command.js';
import { unmuteCommand } from './commands/unmute-command.js';
import { unsubscribeCommand } from './commands/unsubscribe-command.js';
import type { CommandName } from './parse-command.js';

/** Every command's handler, by name (adding a command means a word in parse-command.ts and a handler here). */
export const COMMAND_HANDLERS: Readonly<Record<CommandName, CommandHandler>> = {
  help: helpCommand,
  groups: groupsCommand,
  'mute-suggestions': muteSuggestionsCommand,
  mute: muteCommand,
  unmute: unmuteCommand,
  subscribe: subscribeCommand,
  unsubscribe: unsubscribeCommand,
  optout: optoutCommand,
  optin: optinCommand,
  mydata: mydataCommand,
  digest: digestCommand,
  accept: acceptCommand,
  dismiss: dismissCommand,
  audit: auditCommand,
};
