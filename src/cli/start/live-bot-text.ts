/** What the real-account bot (`npm start` with WECHATY_PUPPET) tells the operator, per locale. */
export const LIVE_BOT_TEXT = {
  'zh-CN': {
    connecting: (puppet: string, attempt: number, attempts: number) =>
      `正在连接微信（${puppet}，第 ${attempt}/${attempts} 次）…`,
    started: (puppet: string, db: string, card: string) =>
      `qingqun：已连接 ${puppet}；数据库 ${db}；登录会话保存在 ${card}。按 Ctrl-C 停止。`,
    puppetError: (message: string) => `微信接入组件报错：${message}`,
    repeated: (n: number) => `（又出现了 ${n} 次，未逐条显示）`,
    timeout: (seconds: number, lastError?: string) =>
      `${seconds} 秒内既没有出现登录二维码，也没有登录成功${lastError ? `；最后的错误：${lastError}` : ''}`,
    retry: (attempt: number, reason: string, seconds: number) =>
      `第 ${attempt} 次连接失败：${reason}。${seconds} 秒后重试。`,
    gaveUp: (puppet: string, attempts: number, reason: string) =>
      [
        `无法连接微信：${puppet} 连续 ${attempts} 次连接失败（${reason}）。qingqun 已停止。`,
        '可能的原因：本机无法访问微信服务器（请检查网络、代理和防火墙）；网页版微信登录被限制（wechat4u 常见，可改用 wechaty-puppet-service 加令牌）；令牌无效或已过期。',
        '处理后重新运行 npm start；只想看演示时请清空 WECHATY_PUPPET。',
      ].join('\n'),
    stopping: '正在停止…',
    stopped: '已停止。',
  },
  en: {
    connecting: (puppet: string, attempt: number, attempts: number) =>
      `connecting to WeChat (${puppet}, attempt ${attempt}/${attempts})…`,
    started: (puppet: string, db: string, card: string) =>
      `qingqun: connected through ${puppet}; database ${db}; login session kept in ${card}. Ctrl-C stops.`,
    puppetError: (message: string) => `the puppet reported an error: ${message}`,
    repeated: (n: number) => `(${n} more times, not shown one by one)`,
    timeout: (seconds: number, lastError?: string) =>
      `no login QR code and no login within ${seconds} seconds${lastError ? `; last error: ${lastError}` : ''}`,
    retry: (attempt: number, reason: string, seconds: number) =>
      `attempt ${attempt} failed: ${reason}. Retrying in ${seconds} seconds.`,
    gaveUp: (puppet: string, attempts: number, reason: string) =>
      [
        `cannot connect to WeChat: ${puppet} failed ${attempts} times in a row (${reason}). qingqun has stopped.`,
        'Likely causes: this machine cannot reach the WeChat servers (check the network, proxy and firewall); web logins are restricted (common with wechat4u; wechaty-puppet-service with a token avoids it); the token is invalid or expired.',
        'Fix it and run npm start again; unset WECHATY_PUPPET to see the simulation only.',
      ].join('\n'),
    stopping: 'stopping…',
    stopped: 'stopped.',
  },
} as const;

export type LiveBotText = (typeof LIVE_BOT_TEXT)[keyof typeof LIVE_BOT_TEXT];
