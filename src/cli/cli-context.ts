import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { loadConfig } from '../config/load-config.js';
import type { Config } from '../config/schema.js';
import { createLogger, type Logger } from '../logging/create-logger.js';

/** The package's shipped defaults, wherever qingqun is run from. */
export const DEFAULTS_PATH = fileURLToPath(new URL('../../config/default.yaml', import.meta.url));

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

export function createCliContext(program: Command, env: Record<string, string | undefined>): CliContext {
  const flags = program.opts<GlobalFlags>();
  const config = loadConfig({
    cwd: process.cwd(),
    defaultsPath: DEFAULTS_PATH,
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
