/**
 * What the simulator planted, written beside its JSON Lines (`<out>.truth.json`) so detectors can be
 * scored. Conventions (docs/ground-truth.md): message ids are the interchange ids; every list holds
 * only what a person labelling the chat would mark.
 */
export interface GroundTruth {
  seed: number;
  /** ISO weeks (YYYY-Www, Asia/Shanghai) the simulation covers, in order. */
  weeks: string[];
  /** Each cluster: every copy (including split parts, forwarded files and link cards) of one notice. */
  duplicates: { messageIds: string[] }[];
  /** Each chain: every post of one roll-call (#接龙 posts, 群接龙 cards, number-off replies, the request). */
  rollCalls: { groupId: string; messageIds: string[] }[];
  /** The acknowledgement-only replies following a trigger. */
  ackFloods: { groupId: string; triggerMessageId: string; messageIds: string[] }[];
  /** The praise-only replies following a (usually a leader's) post. */
  likeSpam: { groupId: string; triggerMessageId: string; messageIds: string[] }[];
  /** A demand for photo/screenshot proof and the images that answered it. */
  photoProof: { groupId: string; demandMessageId: string; messageIds: string[] }[];
  /** Demands whose deadline is the same working day or within a few hours (each copy listed). */
  rushedRequests: { groupId: string; messageId: string }[];
  /** Groups with no human message during the whole simulation. */
  zombieGroups: string[];
  /** Pairs or sets of groups planted with near-identical rosters that receive the same notices. */
  mergeCandidates: { groupIds: string[] }[];
  /** Groups whose notices all also reach their members in another group. */
  relayGroups: string[];
}
