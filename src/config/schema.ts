/**
 * The validated shape of qingqun's configuration. Defaults live here and in config/default.yaml
 * (the YAML documents them for operators; this schema is what makes them true).
 */
import { z } from 'zod';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM (24-hour)');
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
  analysis: z
    .strictObject({
      duplicates: z
        .strictObject({
          /**
           * Jaccard similarity of character 3-gram sets at or above which two texts are one notice.
           * 0.7, not the prototype's 0.6: on a 300-group simulation of template-heavy towns, 0.6 let
           * sibling notices merge (pairwise precision 0.94 vs 0.97) while forwarded copies, whose
           * edits only add or drop material, are caught by containment anyway (recall 0.972 vs 0.982).
           */
          jaccard: z.number().min(0).max(1).default(0.7),
          /** Containment at or above which a text ≥ minContainmentLength is part of another. */
          containment: z.number().min(0).max(1).default(0.85),
          minContainmentLength: z.number().int().positive().default(40),
          /** Texts shorter than this (after normalisation) are never notices. */
          minLength: z.number().int().positive().default(20),
          /**
           * Jaccard required when the shorter text is under minContainmentLength: a few changed
           * characters matter more in a short text, and containment does not apply there.
           */
          shortJaccard: z.number().min(0).max(1).default(0.75),
          /**
           * A copy that follows the same sender's previous copy in the same group within this many
           * minutes and is not itself similar to it is the next part of a split notice: one delivery.
           */
          splitPartMinutes: z.number().nonnegative().default(10),
          /**
           * Bounds the work boilerplate shared by thousands of distinct texts can cause: at most this
           * many earlier texts are taken from one LSH bucket (newest first), and a winnowing anchor
           * held by more texts in the week is ignored as uninformative.
           */
          maxBucketScan: z.number().int().positive().default(500),
        })
        .prefault({}),
      rollCalls: z
        .strictObject({
          /** A number-off reply joins its chain if it comes within this many minutes of the last post. */
          windowMinutes: z.number().positive().default(120),
          /** Number-off replies a request needs before it is reported as a roll-call. */
          minNumberOffReplies: z.number().int().positive().default(2),
          /** Mini-program cards with the same title this many hours apart are separate roll-calls. */
          cardGapHours: z.number().positive().default(12),
        })
        .prefault({}),
      ackFlood: z
        .strictObject({
          /** Acknowledgements count if posted within this many minutes of their trigger. */
          windowMinutes: z.number().positive().default(120),
          /** Distinct members (other than the trigger's sender) who must acknowledge. */
          minReplies: z.number().int().positive().default(3),
        })
        .prefault({}),
      likeSpam: z
        .strictObject({
          /** Praise replies count if posted within this many minutes of the post they follow. */
          windowMinutes: z.number().positive().default(120),
          /** Distinct members (other than the poster) who must reply with praise only. */
          minReplies: z.number().int().positive().default(3),
        })
        .prefault({}),
      photoProof: z
        .strictObject({
          /** Images posted within this many minutes of a photo/screenshot demand answer it. */
          windowMinutes: z.number().positive().default(240),
          /** Images at or above which the answers are flagged as a flood. */
          minImages: z.number().int().positive().default(3),
        })
        .prefault({}),
      rushed: z
        .strictObject({
          /** A deadline this many hours or fewer after posting is rushed, whatever the day. */
          maxHours: z.number().positive().default(4),
          /** The time "马上/立即 上报" is taken to give, in minutes. */
          immediateMinutes: z.number().positive().default(60),
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
  /**
   * Recommendations, owner digests and the supervisors' audit (src/recommend/). Every rule and the
   * savings model are explained in docs/RECOMMENDATIONS.md.
   */
  recommend: z
    .strictObject({
      merge: z
        .strictObject({
          /** Member-set Jaccard at or above which two groups are near-identical… */
          minJaccard: z.number().min(0).max(1).default(0.8),
          /** …and the share of the notices of the one with fewer notices that must have reached both. */
          minSharedNoticeShare: z.number().min(0).max(1).default(0.5),
          /** Or: the smaller group lies inside the larger at or above this containment… */
          minContainment: z.number().min(0).max(1).default(0.9),
          /** …and at least this share of the smaller group's notices also reached the larger… */
          minContainedNoticeShare: z.number().min(0).max(1).default(0.8),
          /** …and has at least this share of the larger's members (a team in an all-staff group differs)… */
          minContainedSizeRatio: z.number().min(0).max(1).default(0.5),
          /** …and at least this many notices reached both this week. */
          minContainedSharedNotices: z.number().int().positive().default(2),
          /** Near-identical groups: distinct notices that must have reached both this week. */
          minSharedNotices: z.number().int().positive().default(1),
        })
        .prefault({}),
      relay: z
        .strictObject({
          /** Notices a group needs in the week before it can be judged a relay. */
          minNotices: z.number().int().positive().default(2),
          /** Share of the group's members who must get each of its notices in another group too. */
          minCoverage: z.number().min(0).max(1).default(0.9),
          /** The group has at least this share of its host's members (a team in an all-staff group differs). */
          minSizeRatio: z.number().min(0).max(1).default(0.25),
        })
        .prefault({}),
      dedupe: z
        .strictObject({
          /** Notices an owner must have posted into several of their overlapping groups in the week. */
          minNotices: z.number().int().positive().default(2),
        })
        .prefault({}),
      /** Findings a group needs in the week before the matching advice is given. */
      minFindings: z
        .strictObject({
          /** Roll-calls plus acknowledgement floods (replace-rollcall). */
          rollCalls: z.number().int().positive().default(1),
          likeSpam: z.number().int().positive().default(1),
          photoProof: z.number().int().positive().default(1),
          rushed: z.number().int().positive().default(1),
        })
        .prefault({}),
      quietHours: z
        .strictObject({
          /** Share of a group's messages sent off-hours above which quiet-hours advice is given… */
          minOffHoursShare: z.number().min(0).max(1).default(0.2),
          /** …provided at least this many messages were sent outside working hours. */
          minOffHoursMessages: z.number().int().positive().default(10),
        })
        .prefault({}),
      dismissal: z
        .strictObject({
          /** A dismissed recommendation is not repeated for this many weeks… */
          weeks: z.number().int().nonnegative().default(4),
          /** …unless its headline figure grew by more than this share since it was dismissed. */
          growth: z.number().nonnegative().default(0.25),
        })
        .prefault({}),
      /** The savings model (docs/RECOMMENDATIONS.md): what one message costs the people in a group. */
      model: z
        .strictObject({
          /** Seconds a member spends on one ordinary message: opening, skimming, scrolling past. */
          readSeconds: z.number().nonnegative().default(4),
          /** Seconds a member spends on a repeated copy of a notice before recognising it. */
          noticeReadSeconds: z.number().nonnegative().default(30),
          /** Seconds to write one acknowledgement (收到). */
          ackSeconds: z.number().nonnegative().default(10),
          /** Seconds to copy a #接龙 list, add one's line and post it. */
          rollCallPostSeconds: z.number().nonnegative().default(45),
          /** Seconds to post one praise reply. */
          praiseSeconds: z.number().nonnegative().default(8),
          /** Seconds to take or find a photo or screenshot and post it as proof. */
          photoProofSeconds: z.number().nonnegative().default(120),
          /** Minutes of re-planned work per member for each same-day demand. */
          rushedMinutesPerMember: z.number().nonnegative().default(2),
        })
        .prefault({}),
      digest: z
        .strictObject({
          /** Recommendations shown with evidence and savings; the rest are listed one line each. */
          detailed: z.number().int().positive().default(5),
          /** Longest message part, in characters (WeChat cuts longer texts). */
          maxPartChars: z.number().int().min(200).max(4000).default(1800),
        })
        .prefault({}),
      /** Policies the supervisors' audit checks. */
      policies: z
        .strictObject({
          maxGroupsPerUnit: z.number().int().positive().default(5),
          maxAtAllPerGroupPerWeek: z.number().int().nonnegative().default(3),
          /** No notices between start and end (local time; may span midnight). */
          quietHours: z
            .strictObject({
              start: hhmm.default('22:00'),
              end: hhmm.default('07:00'),
              maxNoticesPerGroupPerWeek: z.number().int().nonnegative().default(0),
            })
            .prefault({}),
        })
        .prefault({}),
      /** Figures about fewer people than this are never shown (at least 5). */
      minPeople: z.number().int().min(5).default(5),
    })
    .prefault({}),
});

export type Config = z.infer<typeof configSchema>;
export type AnalysisConfig = Config['analysis'];
