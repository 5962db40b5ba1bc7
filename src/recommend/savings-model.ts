/**
 * The savings model (docs/RECOMMENDATIONS.md): what a week like this one would spare the members of
 * the groups concerned if the advice were followed. Reading costs fall on every member who receives
 * a message; writing costs on whoever writes it. Constants come from `recommend.model`.
 */
import type { RecommendationSavings, RecommendConfig } from './recommendation.js';
import { round } from './rule-context.js';

type Model = RecommendConfig['model'];

function savings(messagesPerMember: number, seconds: number): RecommendationSavings {
  return { messagesPerMemberPerWeek: round(messagesPerMember), minutesPerWeek: round(seconds / 60) };
}

const per = (n: number, members: number) => (members === 0 ? 0 : n / members);

export const SAVINGS = {
  /** `redundant` copies of the shared notices reached members who are in more than one of the groups. */
  merge(m: Model, redundant: number, unionMembers: number) {
    return savings(per(redundant, unionMembers), redundant * m.noticeReadSeconds);
  },
  /** A zombie group carries no messages: archiving it tidies lists but saves no reading time. */
  zombie(): RecommendationSavings {
    return savings(0, 0);
  },
  /** Every member got each of the `notices` elsewhere too, and read the `acks` that followed them. */
  relay(m: Model, notices: number, acks: number, members: number) {
    return savings(
      notices + acks,
      members * notices * m.noticeReadSeconds + acks * (m.ackSeconds + members * m.readSeconds),
    );
  },
  /** `redundant` copies reached members already reached by another of the owner's groups. */
  dedupe(m: Model, redundant: number, unionMembers: number) {
    return savings(per(redundant, unionMembers), redundant * m.noticeReadSeconds);
  },
  /** Roll-call `posts` and acknowledgement `acks`: written once, read by every member. */
  rollCall(m: Model, posts: number, acks: number, members: number) {
    const write = posts * m.rollCallPostSeconds + acks * m.ackSeconds;
    return savings(posts + acks, write + members * (posts + acks) * m.readSeconds);
  },
  likes(m: Model, praise: number, members: number) {
    return savings(praise, praise * (m.praiseSeconds + members * m.readSeconds));
  },
  photoProof(m: Model, images: number, members: number) {
    return savings(images, images * (m.photoProofSeconds + members * m.readSeconds));
  },
  /** Moved, not removed: the off-hours messages would arrive in working hours instead. */
  quietHours(m: Model, offHours: number, members: number) {
    return savings(offHours, offHours * members * m.readSeconds);
  },
  /** No message goes away; each member is spared re-planning work for each same-day demand. */
  rush(m: Model, rushed: number, members: number) {
    return savings(0, rushed * members * m.rushedMinutesPerMember * 60);
  },
} as const;
