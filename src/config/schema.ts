/**
 * The validated shape of qingqun's configuration, and the one source of its defaults.
 * config/default.yaml documents them for operators and is not loaded; test/config/
 * default-yaml.test.ts keeps the two identical, key for key and value for value.
 */
import { z } from 'zod';
import { analysisSchema } from './analysis-schema.js';
import { hhmm } from './hhmm.js';
import { recommendSchema } from './recommend-schema.js';

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
  timezone: z.string().default('Asia/Shanghai'),
  /** Language of everything users read. */
  locale: z.enum(['zh-CN', 'en']).default('zh-CN'),
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
      /** Name the bot logs in under (for the memory card). */
      botName: z.string().default('qingqun'),
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
