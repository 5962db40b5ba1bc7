/**
 * Loads the configured Wechaty puppet ourselves instead of letting Wechaty import it by name: a
 * puppet that is not installed becomes one clear line (Wechaty logs a dozen lines and rethrows a
 * MODULE_NOT_FOUND trace), and a puppet may also be named by a file path (`./my-puppet.ts`,
 * `/abs/puppet.js`, `file:` URL), which the tests use for a puppet that cannot connect.
 *
 * Contract, as wechaty-puppet's own resolver (puppet-resolver.js): the module's default export (after
 * unwrapping CommonJS `default.default`) is the Puppet class, constructed with the puppet options.
 */

import { createRequire } from 'node:module';
import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as PUPPET from 'wechaty-puppet';
import { ConfigError } from '../../config/config-error.js';
import type { Locale } from '../../model/locale.js';

export interface LoadPuppetOptions {
  /** A package name (wechaty-puppet-wechat4u) or a file path / file: URL. */
  name: string;
  token?: string;
  /** Relative paths are resolved against this folder (default: the working directory). */
  cwd?: string;
  locale?: Locale;
}

const isPath = (name: string) => name.startsWith('.') || isAbsolute(name) || name.startsWith('file:');

function notInstalled(name: string, locale: Locale): ConfigError {
  return new ConfigError(
    locale === 'en'
      ? `WECHATY_PUPPET names "${name}", which is not installed: run \`npm install ${name}\` in the qingqun folder, or unset WECHATY_PUPPET to run the simulation`
      : `WECHATY_PUPPET 指定的微信接入组件 ${name} 没有安装：请在 qingqun 目录执行 npm install ${name}；不接真实账号时请清空 WECHATY_PUPPET（运行模拟演示）`,
    'puppet.name',
  );
}

type Puppet = PUPPET.impls.PuppetInterface;
type PuppetClass = new (options?: Record<string, unknown>) => Puppet;

export async function loadPuppet(options: LoadPuppetOptions): Promise<Puppet> {
  const locale = options.locale ?? 'zh-CN';
  const { name } = options;
  let specifier: string;
  if (isPath(name)) {
    specifier = name.startsWith('file:')
      ? name
      : pathToFileURL(resolve(options.cwd ?? process.cwd(), name)).href;
  } else {
    try {
      // Resolved from qingqun's own folder: that is where `npm install` puts the puppet.
      specifier = pathToFileURL(createRequire(import.meta.url).resolve(name)).href;
    } catch {
      throw notInstalled(name, locale);
    }
  }
  let mod: unknown;
  try {
    mod = await import(specifier);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') throw notInstalled(name, locale);
    throw error;
  }
  let exported = mod as { default?: unknown };
  for (let i = 0; i < 4 && typeof exported?.default !== 'function'; i++) {
    exported = exported?.default as { default?: unknown };
  }
  const Class = exported?.default;
  if (typeof Class !== 'function') {
    throw new ConfigError(
      locale === 'en'
        ? `"${name}" is not a Wechaty puppet (it has no default export of a Puppet class)`
        : `${name} 不是 Wechaty 的微信接入组件（没有默认导出 Puppet 类）`,
      'puppet.name',
    );
  }
  return new (Class as PuppetClass)(options.token ? { token: options.token } : {});
}
