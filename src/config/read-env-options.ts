/**
 * Maps environment variables to configuration keys. The only place that knows variable names;
 * `.env.example` lists the same variables for operators.
 */
export const ENV_KEYS: Record<string, string> = {
  QINGQUN_DB: 'db',
  QINGQUN_LOCALE: 'locale',
  QINGQUN_TIMEZONE: 'timezone',
  QINGQUN_LOG_LEVEL: 'logLevel',
  WECHATY_PUPPET: 'puppet.name',
  WECHATY_PUPPET_SERVICE_TOKEN: 'puppet.token',
  WECHATY_TOKEN: 'puppet.token',
  QINGQUN_BOT_NAME: 'puppet.botName',
  QINGQUN_WEBHOOK_SECRET: 'webhook.secret',
  QINGQUN_DASHBOARD_TOKENS: 'web.tokens',
  QINGQUN_SMTP_PASSWORD: 'deliver.email.password',
  QINGQUN_WECOM_SECRET: 'deliver.wecom.secret',
  QINGQUN_WECOM_ROBOT_KEY: 'deliver.wecomRobot.key',
  QINGQUN_WECOM_TOKEN: 'deliver.wecom.callbackToken',
  QINGQUN_WECOM_AES_KEY: 'deliver.wecom.encodingAesKey',
  QINGQUN_CENTRAL_URL: 'central.url',
};

/** Returns a partial config object built from the environment (empty values are ignored). */
export function readEnvOptions(env: Record<string, string | undefined>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, key] of Object.entries(ENV_KEYS)) {
    const value = env[name];
    if (value === undefined || value === '') continue;
    setPath(out, key, value);
  }
  return out;
}

export function setPath(target: Record<string, unknown>, dotted: string, value: unknown): void {
  const parts = dotted.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) {
    const next = node[part];
    if (typeof next !== 'object' || next === null) node[part] = {};
    node = node[part] as Record<string, unknown>;
  }
  node[parts[parts.length - 1] as string] = value;
}
