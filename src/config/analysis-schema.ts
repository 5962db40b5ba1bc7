/**
 * The `analysis` section of the configuration: every detector's thresholds (src/analysis/), each
 * documented where it is declared and in config/default.yaml.
 */
import { z } from 'zod';

export const analysisSchema = z
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
    /** 多头报送: the same data requested by several units in different words (src/analysis/repeated/). */
    repeatedRequests: z
      .strictObject({
        /** Requests at most this many days apart are compared (the week and the days before it). */
        windowDays: z.number().int().min(1).max(31).default(7),
        /** TF-IDF cosine of the request parts at or above which two requests are compared further. */
        minSimilarity: z.number().min(0).max(1).default(0.1),
      })
      .prefault({}),
  })
  .prefault({});
