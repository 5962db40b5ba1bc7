/**
 * The validated shape of qingqun's configuration. Defaults live here and in config/default.yaml
 * (the YAML documents them for operators; this schema is what makes them true).
 */
import { z } from 'zod';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM (24-hour)');
const cron = z.string().regex(/^(\S+\s+){4}\S+$/, 'expected a 5-field cron expression');

export const configSchema = z.strictObject({
  /** IANA timezone used for local days, working hours and schedules. */
  timezone: z.string().default('Asia/Shanghai'),
  /** Language of everything users read. */
  locale: z.enum(['zh-CN', 'en']).default('zh-CN'),
  db: z.string().default('data/qingqun.sqlite'),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
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
  retention: z
    .strictObject({
      /** Days message text is kept; afterwards only fingerprints and counts remain. */
      textDays: z.number().int().positive().default(30),
      /** Days fingerprints and counts are kept. */
      recordDays: z.number().int().positive().default(365),
    })
    .prefault({}),
  analysis: z
    .strictObject({
      duplicates: z
        .strictObject({
          /** Jaccard similarity of character 3-gram sets at or above which two texts are one notice. */
          jaccard: z.number().min(0).max(1).default(0.6),
          /** Containment at or above which a text ≥ minContainmentLength is part of another. */
          containment: z.number().min(0).max(1).default(0.85),
          minContainmentLength: z.number().int().positive().default(40),
          /** Texts shorter than this (after normalisation) are never notices. */
          minLength: z.number().int().positive().default(20),
        })
        .prefault({}),
      ackFlood: z
        .strictObject({
          windowMinutes: z.number().positive().default(120),
          minReplies: z.number().int().positive().default(3),
        })
        .prefault({}),
      likeSpam: z
        .strictObject({
          windowMinutes: z.number().positive().default(120),
          minReplies: z.number().int().positive().default(3),
        })
        .prefault({}),
      photoProof: z
        .strictObject({
          windowMinutes: z.number().positive().default(240),
          minImages: z.number().int().positive().default(3),
        })
        .prefault({}),
      rushed: z
        .strictObject({
          /** A deadline this many hours or fewer after posting is rushed, whatever the day. */
          maxHours: z.number().positive().default(4),
        })
        .prefault({}),
      zombie: z.strictObject({ quietDays: z.number().int().positive().default(30) }).prefault({}),
      overlap: z
        .strictObject({
          /** Member-set Jaccard at or above which two groups are reported as overlapping. */
          minJaccard: z.number().min(0).max(1).default(0.5),
          minContainment: z.number().min(0).max(1).default(0.8),
        })
        .prefault({}),
    })
    .prefault({}),
});

export type Config = z.infer<typeof configSchema>;
export type AnalysisConfig = Config['analysis'];
