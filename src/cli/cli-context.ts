import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import { loadConfig } from '../config/load-config.js';
import type { Config } from '../config/schema.js';
import { createLogger, type Logger } from '../logging/create-logger.js';
import type { CliLocale } from './messages.js';

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
  locale: CliLocale = 'zh-CN',
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

const LOCALES: readonly CliLocale[] = ['zh-CN', 'en'];

/**
 * The language to speak before the configuration is read (help, and errors reading it): `--locale`,
 * else QINGQUN_LOCALE from the environment or `.env`, else zh-CN. Never throws: an invalid value
 * falls through and the configuration then names it.
 */
export function guessLocale(
  args: readonly string[],
  env: Record<string, string | undefined>,
  cwd: string,
): CliLocale {
  const valid = (value: string | undefined) => LOCALES.find((l) => l === value);
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--') break;
    if (arg === '--locale') return valid(args[i + 1]) ?? 'zh-CN';
    if (arg.startsWith('--locale=')) return valid(arg.slice('--locale='.length)) ?? 'zh-CN';
  }
  const fromEnv = valid(env.QINGQUN_LOCALE);
  if (fromEnv) return fromEnv;
  try {
    const dotenv = readFileSync(join(cwd, '.env'), 'utf8');
    const value = /^\s*QINGQUN_LOCALE\s*=\s*["']?([\w-]+)/m.exec(dotenv)?.[1];
    return valid(value) ?? 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}
