/**
 * What the organisation map knows and a puppet may not: the recorder applies these when it writes
 * groups and contacts. Config supplies ownerOverrides and groupUnits (`org.*`); the simulation
 * supplies all four (see simulationOrgMap).
 */
export interface OrgFacts {
  /** Group id → owner contact id; wins over the owner the puppet reports (wechat4u reports none). */
  ownerOverrides?: Record<string, string>;
  /** Group id → unit. */
  groupUnits?: Record<string, string>;
  /** Contact id → unit. */
  contactUnits?: Record<string, string>;
  /** Group id → creation time (UTC epoch ms), for sources that know it. */
  groupCreatedAt?: Record<string, number>;
}
