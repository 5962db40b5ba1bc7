/** One finding of the repeated-requests detector (多头报送): see repeated-requests.ts. */
export interface RepeatedRequest {
  /** The requests, in time order: at least two, from at least two units, in different words. */
  messageIds: string[];
  /** Distinct groups they were posted in, sorted. */
  groupIds: string[];
  /** Distinct requesting units (the sender's unit, else the group's), sorted. */
  units: string[];
  /** UTC epoch ms of the first and the last request. */
  firstTime: number;
  lastTime: number;
  /** The data asked for, as the first request words it (≤ 30 characters). */
  excerpt: string;
}
