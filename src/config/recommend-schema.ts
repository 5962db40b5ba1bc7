/**
 * Recommendations, owner digests and the supervisors' audit (src/recommend/). Every rule and the
 * savings model are explained in docs/RECOMMENDATIONS.md.
 */
import { z } from 'zod';
import { hhmm } from './hhmm.js';

export const recommendSchema = z
  .strictObject({
    /**
     * Weeks of evidence (this one and the ones before) the merge and relay rules judge together:
     * twins whose shared notices fall in other weeks are still found.
     */
    windowWeeks: z.number().int().min(1).max(52).default(4),
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
        minContainedSizeRatio: z.number().min(0).max(1).default(0.75),
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
        /** Work groups one member should be in at most (the groups-per-member figure counts those over). */
        maxGroupsPerMember: z.number().int().positive().default(5),
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
  .prefault({});
