import type { Command } from 'commander';
import { z } from 'zod';
import { loadConfig } from '../config/load-config.js';
import type { Config } from '../config/schema.js';
import { createLogger } from '../logging/create-logger.js';
import type { Logger } from '../logging/logger.js';
import type { Locale } from '../model/locale.js';

export interface GlobalFlags {
  db?: string;
  config?: string;
  locale?: string;
  logLevel?: string;
}

/** What every command needs: the layered config (flags last) and a logger. Built once per run. */
export interface CliContext {
  config: Config;
  log: Logger;
  out: (text: string) => void;
}

export function createCliContext(
  program: Command,
  env: Record<string, string | undefined>,
  locale: Locale = 'zh-CN',
): CliContext {
  // zod's own words in configuration errors (the key and value stay as written).
  if (locale === 'zh-CN') z.config(z.locales.zhCN());
  const flags = program.opts<GlobalFlags>();
  const config = loadConfig({
    cwd: process.cwd(),
    env,
    configPath: flags.config,
    flags: {
      ...(flags.db ? { db: flags.db } : {}),
      ...(flags.locale ? { locale: flags.locale } : {}),
      ...(flags.logLevel ? { logLevel: flags.logLevel } : {}),
    },
  });
  return { config, log: createLogger(config.logLevel), out: (text) => process.stdout.write(`${text}\n`) };
}
