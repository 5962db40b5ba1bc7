/**
 * The validated shape of qingqun's configuration, and the one source of its defaults.
 * config/default.yaml documents them for operators and is not loaded; test/config/
 * default-yaml.test.ts keeps the two identical, key for key and value for value.
 */
import { z } from 'zod';
import { LOCALES } from '../model/locale.js';
import { analysisSchema } from './analysis-schema.js';
import { hhmm } from './hhmm.js';
import { recommendSchema } from './recommend-schema.js';

/** Whether the runtime knows the IANA zone (Intl throws a RangeError for an unknown one). */
function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone.trim() !== '';
  } catch {
    return false;
  }
}

/** An ordered, duplicate-free list of delivery channels drawn from `allowed`. */
function channelList<const T extends string>(allowed: readonly [T, ...T[]]) {
  return z
    .array(z.enum(allowed))
    .min(1)
    .refine((list) => new Set(list).size === list.length, 'a channel is listed twice');
}

const cron = z.string().regex(/^(\S+\s+){4}\S+$/, 'expected a 5-field cron expression');

/**
 * Splits QINGQUN_DASHBOARD_TOKENS (`SUPERVISOR:TOKEN[:UNIT|UNIT…]`, comma-separated) into entries.
 * A malformed entry becomes one the schema refuses, so the error names the entry, never the token.
 */
function parseDashboardTokens(value: string): unknown[] {
  return value
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
    .map((entry) => {
      const [supervisor = '', token = '', units = '', ...rest] = entry.split(':');
      if (rest.length > 0) return { supervisor: '', token };
      return {
        supervisor: supervisor.trim(),
        token: token.trim(),
        units: units
          .split('|')
          .map((u) => u.trim())
          .filter((u) => u !== ''),
      };
    });
}

export const configSchema = z.strictObject({
  /** IANA timezone used for local days, working hours and schedules. */
  timezone: z
    .string()
    .refine(isTimeZone, {
      error: (issue) => `expected an IANA timezone like Asia/Shanghai, got "${String(issue.input)}"`,
    })
    .default('Asia/Shanghai'),
  /** Language of everything users read. */
  locale: z.enum(LOCALES).default('zh-CN'),
  db: z.string().default('data/qingqun.sqlite'),
  /** warn: the commands' own output tells the story; info adds a JSON line per event on stderr. */
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('warn'),
  workingHours: z
    .strictObject({
      /** ISO weekdays (1 = Monday) that are working days, before holidays and make-up days apply. */
      days: z.array(z.number().int().min(1).max(7)).default([1, 2, 3, 4, 5]),
      start: hhmm.default('08:30'),
      end: hhmm.default('18:00'),
      /** Honour Chinese public holidays and make-up workdays (调休). */
      chineseHolidays: z.boolean().default(true),
    })
    .prefault({}),
  puppet: z
    .strictObject({
      /** Wechaty puppet package; empty means the embedded simulation on wechaty-puppet-mock. */
      name: z.string().default(''),
      /** Token for wechaty-puppet-service and friends. Only from the environment. */
      token: z.string().default(''),
      /** Name the bot logs in under (the memory card, data/<botName>.memory-card.json). */
      botName: z.string().default('qingqun'),
      /** Attempts to connect before giving up with an explanation (docs/RELIABILITY.md). */
      connectAttempts: z.number().int().positive().default(3),
      /** How long one attempt waits for a login QR code or a login. */
      connectTimeoutSeconds: z.number().positive().default(60),
      /** Delay before the second attempt; it doubles for each further one. */
      retryDelaySeconds: z.number().nonnegative().default(10),
    })
    .prefault({}),
  org: z
    .strictObject({
      /** Group id → unit, for groups whose unit the source does not tell. */
      groupUnits: z.record(z.string(), z.string()).default({}),
      /** Group id → owner contact id, for puppets that cannot tell the owner. */
      ownerOverrides: z.record(z.string(), z.string()).default({}),
      /** Contacts who receive audits; `units` limits what they see (empty: everything). */
      supervisors: z
        .array(z.strictObject({ id: z.string(), units: z.array(z.string()).default([]) }))
        .default([]),
      leaders: z
        .strictObject({
          ids: z.array(z.string()).default([]),
          /** A contact whose unit contains one of these marks a leader. */
          unitPatterns: z.array(z.string()).default(['领导班子', '班子成员']),
        })
        .prefault({}),
    })
    .prefault({}),
  schedules: z
    .strictObject({
      weeklyDigest: cron.default('0 9 * * 1'),
      supervisorAudit: cron.default('30 9 * * 1'),
      dailyDigest: cron.default('0 18 * * *'),
      memberSnapshot: cron.default('0 2 * * *'),
      retentionPurge: cron.default('30 3 * * *'),
    })
    .prefault({}),
  webhook: z
    .strictObject({
      /** Shared secret for chatlog's webhook (`qingqun serve-webhook`). Only from the environment. */
      secret: z.string().default(''),
      port: z.number().int().min(0).max(65535).default(8090),
      host: z.string().default('127.0.0.1'),
    })
    .prefault({}),
  retention: z
    .strictObject({
      /** Days message text is kept; afterwards only fingerprints and counts remain. */
      textDays: z.number().int().positive().default(30),
      /** Days fingerprints and counts are kept. */
      recordDays: z.number().int().positive().default(365),
    })
    .prefault({}),
  /** What is stored about messages and their senders (docs/PRIVACY.md). */
  privacy: z
    .strictObject({
      /**
       * Which message texts are stored: 'notices' (default) keeps the texts that can be notices or
       * instructions — long enough, links, @所有人, #接龙 posts, demands — and of every other text only
       * its class, length and fingerprint; 'all' keeps every text; 'none' keeps no text (duplicate
       * notices are then found by files and links only).
       */
      keepText: z.enum(['notices', 'all', 'none']).default('notices'),
    })
    .prefault({}),
  /**
   * The send queue (src/deliver/send-queue.ts): every private message the bot sends goes through it,
   * one at a time. Defaults follow what operators of live accounts report as safe.
   */
  deliver: z
    .strictObject({
      /** Least time between two sends to different recipients, in milliseconds. */
      minGapMs: z.number().int().nonnegative().default(3000),
      /** Random extra wait, 0 to this many milliseconds, added to each gap between recipients. */
      jitterMs: z.number().int().nonnegative().default(2000),
      /** Least time between two sends to the same recipient (parts of one digest), in milliseconds. */
      minGapSameRecipientMs: z.number().int().nonnegative().default(1000),
      /** At most this many sends in any 60-second window. */
      maxPerMinute: z.number().int().positive().default(20),
      /** Attempts per message before it is marked failed and reported. */
      maxAttempts: z.number().int().positive().default(5),
      /** Wait before the first retry; doubles with each further attempt, in milliseconds. */
      backoffBaseMs: z.number().int().positive().default(30_000),
      /** Upper bound of the retry wait, in milliseconds. */
      backoffMaxMs: z.number().int().positive().default(1_800_000),
      /** How often the background loop looks for due messages when it was not woken, in milliseconds. */
      pollMs: z.number().int().positive().default(5000),
      /** Runs of one scheduled job period (e.g. one week's digests) before it is left as failed. */
      jobMaxAttempts: z.number().int().positive().default(3),
      /**
       * Which channels each audience is reached on, in order of preference: a recipient gets each
       * message on the first listed channel that is configured and has an address for them
       * (docs/DEPLOYMENT.md). The WeCom group robot posts into one group: supervisors only.
       */
      channels: z
        .strictObject({
          owners: channelList(['wechat', 'email', 'wecom']).default(['wechat']),
          supervisors: channelList(['wechat', 'email', 'wecom', 'wecomRobot']).default(['wechat']),
          cadres: channelList(['wechat', 'email', 'wecom']).default(['wechat']),
        })
        .prefault({}),
      /** Email over SMTP (nodemailer). The password comes from QINGQUN_SMTP_PASSWORD only. */
      email: z
        .strictObject({
          /** SMTP server; empty: no email channel. */
          host: z.string().default(''),
          port: z.number().int().min(1).max(65535).default(587),
          /**
           * true: TLS from the first byte (usually port 465); false: STARTTLS whenever the server
           * offers it, and required before a password goes to a server not on this machine.
           */
          secure: z.boolean().default(false),
          /** Login name; empty: no authentication. */
          user: z.string().default(''),
          /** Sender address, e.g. `清群 <qingqun@example.gov.cn>`. */
          from: z.string().default(''),
          /** Secret: only from the environment (QINGQUN_SMTP_PASSWORD). */
          password: z.string().default(''),
          /** Least time between two mails, in milliseconds. */
          minGapMs: z.number().int().nonnegative().default(200),
          /** At most this many mails in any 60 seconds. */
          maxPerMinute: z.number().int().positive().default(60),
        })
        .prefault({}),
      /** WeCom application messages (企业微信应用消息). The secret comes from QINGQUN_WECOM_SECRET only. */
      wecom: z
        .strictObject({
          /** 企业ID; empty: no WeCom channel. */
          corpId: z.string().default(''),
          /** The application's AgentId. */
          agentId: z.number().int().nonnegative().default(0),
          /** The API's base URL (a proxy with a trusted IP may stand in front of it). */
          apiBase: z.string().url().default('https://qyapi.weixin.qq.com'),
          /** markdown (read in the WeCom app) or text (also shown in WeChat through 微信插件). */
          format: z.enum(['markdown', 'text']).default('markdown'),
          /** Secret: only from the environment (QINGQUN_WECOM_SECRET). */
          secret: z.string().default(''),
          /** The callback's Token (接收消息 › Token). Secret: only from QINGQUN_WECOM_TOKEN. */
          callbackToken: z.string().default(''),
          /** The callback's EncodingAESKey (43 characters). Secret: only from QINGQUN_WECOM_AES_KEY. */
          encodingAesKey: z
            .string()
            .regex(/^([A-Za-z0-9]{43})?$/, 'an EncodingAESKey has 43 letters and digits')
            .default(''),
          /** Least time between two API sends, in milliseconds. */
          minGapMs: z.number().int().nonnegative().default(500),
          /** At most this many sends in any 60 seconds (WeCom allows 30 a minute to one member). */
          maxPerMinute: z.number().int().positive().default(30),
        })
        .prefault({}),
      /** A WeCom group robot (群机器人) for the supervisors' group. Key from QINGQUN_WECOM_ROBOT_KEY only. */
      wecomRobot: z
        .strictObject({
          /** Secret: only from the environment (QINGQUN_WECOM_ROBOT_KEY); empty: no robot. */
          key: z.string().default(''),
          /** The webhook's base URL. */
          apiBase: z.string().url().default('https://qyapi.weixin.qq.com'),
          /** Least time between two posts, in milliseconds. */
          minGapMs: z.number().int().nonnegative().default(3000),
          /** WeCom allows a robot 20 messages a minute. */
          maxPerMinute: z.number().int().positive().max(20).default(20),
        })
        .prefault({}),
    })
    .prefault({}),
  /**
   * `qingqun run`: unattended ingestion without a bot (docs/DEPLOYMENT.md). The chatlog webhook
   * receiver uses `webhook`, the dashboard `web`.
   */
  run: z
    .strictObject({
      /** Health endpoint (GET /health) port; 0 picks a free one. */
      healthPort: z.number().int().min(0).max(65535).default(8091),
      healthHost: z.string().min(1).default('127.0.0.1'),
      /** Serve the chatlog webhook receiver (needs webhook.secret). */
      webhook: z.boolean().default(false),
      /** Serve the dashboard (needs web.tokens). */
      dashboard: z.boolean().default(false),
      /** chatlog's HTTP API to poll, e.g. http://127.0.0.1:5030; empty: no polling. */
      chatlogUrl: z.string().default(''),
      /** Seconds between two polls of chatlog's API. */
      chatlogPollSeconds: z.number().int().positive().default(300),
      /** Days of history the first poll reads. */
      chatlogFirstDays: z.number().int().positive().default(7),
      /** Folder where the unit drops archive exports; empty: none watched. */
      watchDir: z.string().default(''),
      /** Seconds between two scans of the watched folder. */
      watchSeconds: z.number().int().positive().default(60),
      /** A file is imported once it has not changed for this many seconds (still being copied). */
      watchSettleSeconds: z.number().int().nonnegative().default(5),
    })
    .prefault({}),
  /**
   * The supervisors' read-only dashboard (`qingqun serve`, src/web/, docs/DASHBOARD.md). Tokens come
   * from the environment only (QINGQUN_DASHBOARD_TOKENS), never from a config file.
   */
  web: z
    .strictObject({
      /** TCP port; 0 picks a free one. */
      port: z.number().int().min(0).max(65535).default(8080),
      /** Interface to bind; the default keeps the dashboard on this machine. */
      host: z.string().min(1).default('127.0.0.1'),
      /**
       * Who may log in: each token maps to a supervisor (an id, matched against org.supervisors for
       * their units) and optionally the units they may see. From the environment as
       * `SUPERVISOR:TOKEN[:UNIT|UNIT…]` entries separated by commas. Tokens: 16+ printable characters.
       */
      tokens: z
        .preprocess(
          (value) => (typeof value === 'string' ? parseDashboardTokens(value) : value),
          z.array(
            z.strictObject({
              supervisor: z.string().min(1, 'expected SUPERVISOR:TOKEN[:UNIT|UNIT…]'),
              token: z
                .string()
                .min(16, 'a token needs at least 16 characters')
                .regex(/^[\x21-\x7e]+$/, 'a token may hold printable ASCII only, no spaces'),
              units: z.array(z.string().min(1)).default([]),
            }),
          ),
        )
        .refine((list) => new Set(list.map((t) => t.token)).size === list.length, 'a token is given twice')
        .default([]),
      /** A login lasts this long (the session is then forgotten). */
      sessionMinutes: z.number().int().positive().default(480),
      /** Mark the session cookie Secure: set when the dashboard is served over HTTPS (behind a proxy). */
      secureCookie: z.boolean().default(false),
      /** Weeks the trend charts cover, ending at the week shown. */
      trendWeeks: z.number().int().min(2).max(104).default(12),
      /** Analysed weeks are kept in memory at most this long (new messages refresh their week at once). */
      cacheSeconds: z.number().int().nonnegative().default(300),
      /**
       * Addresses of reverse proxies (exact IPv4/IPv6 addresses) whose `X-Forwarded-For` names the
       * client for the login limiter. Empty (the default): the socket's address is the client and
       * `X-Forwarded-For` is ignored, so nobody can pick their own address by sending the header.
       */
      trustedProxies: z.array(z.string().min(1)).default([]),
    })
    .prefault({}),
  analysis: analysisSchema,
  /**
   * Recommendations, owner digests and the supervisors' audit (src/recommend/). Every rule and the
   * savings model are explained in docs/RECOMMENDATIONS.md.
   */
  recommend: recommendSchema,
});

export type Config = z.infer<typeof configSchema>;
export type AnalysisConfig = Config['analysis'];
