import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse as parseDotenv } from 'dotenv';
import { parse as parseYaml } from 'yaml';
import { ConfigError } from './config-error.js';
import { mergeLayers } from './merge-layers.js';
import { readEnvOptions } from './read-env-options.js';
import { type Config, configSchema } from './schema.js';

export interface LoadConfigOptions {
  /** Directory that relative paths and `.env` are resolved against. */
  cwd: string;
  /** The process environment; `.env` fills in only what it lacks. */
  env: Record<string, string | undefined>;
  /** An optional local config file (YAML), e.g. from `--config`. */
  configPath?: string;
  /** Values from CLI flags, already shaped like the config (e.g. `{ db: 'x.sqlite' }`). */
  flags?: Record<string, unknown>;
}

function readYaml(path: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError(`${path}: cannot read: ${(error as Error).message}`, undefined, path);
  }
  let value: unknown;
  try {
    value = parseYaml(text);
  } catch (error) {
    throw new ConfigError(`${path}: invalid YAML: ${(error as Error).message}`, undefined, path);
  }
  if (value === null || value === undefined) return {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new ConfigError(`${path}: expected a mapping of keys at the top level`, undefined, path);
  }
  return value as Record<string, unknown>;
}

/** Secrets of the delivery channels, by key: a config file must not hold them (they go in .env). */
const ENV_ONLY: Record<string, string> = {
  'deliver.email.password': 'QINGQUN_SMTP_PASSWORD',
  'deliver.wecom.secret': 'QINGQUN_WECOM_SECRET',
  'deliver.wecom.callbackToken': 'QINGQUN_WECOM_TOKEN',
  'deliver.wecom.encodingAesKey': 'QINGQUN_WECOM_AES_KEY',
  'deliver.wecomRobot.key': 'QINGQUN_WECOM_ROBOT_KEY',
};

function refuseFileSecrets(layer: Record<string, unknown>, path: string | undefined): void {
  for (const [key, variable] of Object.entries(ENV_ONLY)) {
    let node: unknown = layer;
    for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
    if (node !== undefined && node !== '') {
      throw new ConfigError(
        `${key}: a secret belongs in the environment (${variable} in .env), not in ${path ?? 'a config file'}`,
        key,
        path,
      );
    }
  }
}

/**
 * Reads configuration in one place: the schema's defaults < local file < environment (process env
 * over `.env`) < CLI flags. config/default.yaml is documentation, not a layer: one source of
 * defaults (schema.ts). Throws ConfigError naming the bad key.
 */
export function loadConfig(options: LoadConfigOptions): Config {
  const layers: Record<string, unknown>[] = [];
  const localPath = options.configPath ?? options.env.QINGQUN_CONFIG;
  if (localPath) layers.push(readYaml(resolve(options.cwd, localPath)));
  for (const layer of layers) refuseFileSecrets(layer, localPath);
  const dotenvPath = resolve(options.cwd, '.env');
  const fileEnv = existsSync(dotenvPath) ? parseDotenv(readFileSync(dotenvPath)) : {};
  layers.push(readEnvOptions({ ...fileEnv, ...options.env }));
  layers.push(options.flags ?? {});
  const result = configSchema.safeParse(mergeLayers(...layers));
  if (!result.success) {
    const issue = result.error.issues[0];
    const key = issue?.path.join('.') || '(top level)';
    const where = localPath ? ` (file ${localPath}; env; flags)` : '';
    const lines = result.error.issues.map((i) => `  ${i.path.join('.') || '(top level)'}: ${i.message}`);
    throw new ConfigError(`invalid configuration${where}:\n${lines.join('\n')}`, key);
  }
  return result.data;
}
