import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import {
  type PuppetModuleName,
  qrcodeValueToImageUrl,
  ScanStatus,
  type Wechaty,
  WechatyBuilder,
} from 'wechaty';
import type * as PUPPET from 'wechaty-puppet';
import { mock } from 'wechaty-puppet-mock';
import type { Config } from '../../config/schema.js';
import { type CapturedSend, SimulationPuppet } from './simulation-puppet.js';

// qrcode-terminal is CommonJS without type declarations.
const qrcodeTerminal = createRequire(import.meta.url)('qrcode-terminal') as {
  generate(text: string, options: { small: boolean }, done: (qr: string) => void): void;
};

export interface CreatedBot {
  bot: Wechaty;
  /** Only for the embedded simulation: creates contacts, rooms and messages. */
  mocker?: mock.Mocker;
  puppet?: SimulationPuppet;
  /** What the bot sent (filled by the simulation only; a real puppet's sends are not captured). */
  sent: CapturedSend[];
}

export interface CreateBotOptions {
  /** Where the login QR code goes (default: stdout). */
  out?: (text: string) => void;
  /** The real puppet, already loaded (load-puppet.ts); without it Wechaty imports `puppet.name`. */
  puppet?: PUPPET.impls.PuppetInterface;
  /**
   * The memory card (the puppet's login session) as a path without `.memory-card.json`; default
   * `<the database's folder>/<botName>`, i.e. data/qingqun.memory-card.json, never the working
   * directory (Wechaty's default), where it would land in a repository.
   */
  memoryCard?: string;
}

/** Where a real puppet's login session is kept: beside the database (data/, git-ignored). */
export function memoryCardPath(config: Pick<Config, 'db' | 'puppet'>): string {
  return join(dirname(resolve(config.db)), config.puppet.botName);
}

/**
 * The Wechaty bot for the configured puppet. No puppet name means the embedded simulation on
 * wechaty-puppet-mock (no memory card, nothing written to disk). A real puppet gets the token from
 * the config (environment only) and a memory card named after the bot beside the database, so
 * sessions survive restarts on puppets that support it. The caller installs the recorder, handles 'error' and starts the bot.
 */
export function createBot(config: Pick<Config, 'puppet' | 'db'>, options: CreateBotOptions = {}): CreatedBot {
  const out = options.out ?? ((text: string) => process.stdout.write(`${text}\n`));
  let created: CreatedBot;
  if (!config.puppet.name) {
    const mocker = new mock.Mocker();
    const puppet = new SimulationPuppet({ mocker });
    created = { bot: WechatyBuilder.build({ puppet }), mocker, puppet, sent: puppet.sent };
  } else {
    const name = options.memoryCard ?? memoryCardPath(config);
    mkdirSync(dirname(name), { recursive: true });
    const bot = options.puppet
      ? WechatyBuilder.build({ name, puppet: options.puppet })
      : WechatyBuilder.build({
          name,
          puppet: config.puppet.name as PuppetModuleName,
          puppetOptions: config.puppet.token ? { token: config.puppet.token } : {},
        });
    created = { bot, sent: [] };
  }
  created.bot.on('scan', (qrcode, status) => {
    if (status !== ScanStatus.Waiting && status !== ScanStatus.Timeout) return;
    qrcodeTerminal.generate(qrcode, { small: true }, (qr) => {
      out(`请用机器人专用的微信号扫码登录（群成员应知道这个账号的存在）：\n${qr}`);
      out(`二维码无法显示时请在浏览器打开：${qrcodeValueToImageUrl(qrcode)}`);
    });
  });
  return created;
}
