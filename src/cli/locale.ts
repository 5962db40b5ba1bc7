import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LOCALES, type Locale } from '../model/locale.js';

/**
 * The language to speak before the configuration is read (help, and errors reading it): `--locale`,
 * else QINGQUN_LOCALE from the environment or `.env`, else zh-CN. Never throws: an invalid value
 * falls through and the configuration then names it. Cheap: `qingqun --help` runs it.
 */
export function guessLocale(
  args: readonly string[],
  env: Record<string, string | undefined>,
  cwd: string,
): Locale {
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
