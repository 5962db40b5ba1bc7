/**
 * The supervisors' audit of one week (buildSupervisorAudit): aggregates per unit, never per person.
 * A figure derived from the messages or rosters of fewer than `minPeople` people is null ("—" when
 * rendered); group counts are about groups and always shown.
 */

import type { RepeatedRequest } from '../analysis/repeated/repeated-request.js';
import type { ConsolidationPlan } from './consolidation-plan.js';
import type { GroupsPerMember, MemberCountFigures } from './groups-per-member.js';
import type { RecommendConfig } from './recommendation.js';
import type { RecommendationEffect } from './recommendation-effect.js';

export interface AuditRow {
  /** The unit, or null for groups whose unit nobody told (and, in `total`, null too). */
  unit: string | null;
  /** Distinct members over the unit's groups this week. */
  people: number | null;
  /** Groups existing at the end of the week, of last week, and of the first week on record. */
  groups: number;
  groupsLastWeek: number;
  groupsFirstWeek: number | null;
  created: number;
  dissolved: number;
  zombies: number;
  messages: number | null;
  /** 0..1 */
  offHoursShare: number | null;
  /** Repeated copies over all notice messages the unit's groups received, 0..1. */
  duplicateRate: number | null;
  rollCalls: number | null;
  atAllMessages: number | null;
}

export type AuditPolicy = 'maxGroupsPerUnit' | 'maxAtAllPerGroupPerWeek' | 'quietHours';

export interface AuditBreach {
  policy: AuditPolicy;
  unit: string | null;
  /** Null for unit-level policies. */
  groupId: string | null;
  groupName: string | null;
  value: number;
  limit: number;
}

export interface SupervisorAudit {
  week: string;
  /** ISO strings of [from, to). */
  from: string;
  to: string;
  timezone: string;
  /** The ISO week of the first stored message, or null when none is stored. */
  firstWeek: string | null;
  /** The units this audit is limited to, or null for all. */
  scope: string[] | null;
  minPeople: number;
  total: AuditRow;
  units: AuditRow[];
  /** Owners of the groups in scope, and how many own 1, 2, 3 or 4+ groups. */
  owners: {
    owners: number | null;
    distribution: { groups: '1' | '2' | '3' | '4+'; owners: number | null }[];
  };
  breaches: AuditBreach[];
  /** Breaches in groups of fewer than minPeople members, counted but not listed. */
  hiddenBreaches: number;
  policies: RecommendConfig['policies'];
  /**
   * How many of the recorded groups (zombies included) each member is in at the end of the week:
   * median, p90, over the limit — per unit and overall, never per person. Optional in the type
   * only so that hand-built audits stay short; buildSupervisorAudit always sets it.
   */
  groupsPerMember?: GroupsPerMember;
  /** Overall groups per member at the end of each week of the trend (web.trendWeeks), oldest first. */
  groupsPerMemberTrend?: ({ week: string } & MemberCountFigures)[];
  /** What accepting every open merge and archive recommendation of the week would give. */
  plan?: ConsolidationPlan;
  /** The effect (成效) of the accepted recommendations about groups in scope, week by week. */
  effects?: RecommendationEffect[];
  /** The same data requested by several units in different words (多头报送). */
  repeatedRequests?: RepeatedRequest[];
}
