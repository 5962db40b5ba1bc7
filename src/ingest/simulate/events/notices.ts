/**
 * Text notices: forwarded into several groups by different people with realistic variations (one copy
 * sometimes split over two messages, sometimes re-posted as a reminder), or posted once. @所有人 copies
 * are often answered by an acknowledgement flood. Rushed notices are forwarded before their deadline.
 */
import { chooseTargets, forwarder, singleCandidates } from '../choose-targets.js';
import { composeNotice, type NoticeDraft, type NoticeSetting, noticeText } from '../compose-notice.js';
import { noticeCopy, repostText, splitInTwo } from '../notice-variations.js';
import type { NoticeTopic } from '../notice-vocabulary.js';
import { HOUR, MINUTE, startOfLocalDay } from '../sim-clock.js';
import type { WeekContext } from '../week-context.js';
import { type Delivery, deliverCopies } from './deliver-copies.js';
import { ackFloodFollowUp } from './plant-ack-floods.js';

export interface NoticeOptions {
  topic?: NoticeTopic;
  rushed?: boolean;
  /** How many groups at most (before merge/relay partners are added); 1 posts it once. */
  groups?: number;
  /** A specific notice instead of a random one. */
  draft?: (setting: NoticeSetting) => NoticeDraft;
  /** Desired time of the first copy. */
  at?: number;
}

/** The setting a notice is written in: its town, time, contact person, people for rosters. */
export function noticeSetting(ctx: WeekContext, postMs: number): NoticeSetting {
  const { rng, town } = ctx;
  return {
    rng,
    townName: town.name,
    postMs,
    contact: rng.pick(town.cadres).name,
    people: town.cadres.slice(town.leaders.length, 60).map((c) => c.name),
    leaders: town.leaders.map((c) => c.name),
    leader: rng.pick(town.leaders).address,
  };
}

/**
 * A draft whose kind and numbers (dates, times, phone numbers…) no other notice of the week shares:
 * two notices alike in every number would be the same notice to any reader. Null after 5 tries.
 */
function freshDraft(ctx: WeekContext, compose: () => NoticeDraft): NoticeDraft | null {
  for (let tries = 0; tries < 5; tries++) {
    const draft = compose();
    const key = `notice|${draft.kind}|${noticeText(draft).match(/\d+/g)?.join(',') ?? ''}`;
    // Numbers are unique in the whole week, subjects within the town.
    const subject = draft.subject ? `subject|${ctx.town.index}|${draft.subject}` : key;
    if (!ctx.used.has(key) && !ctx.used.has(subject)) {
      ctx.used.add(key);
      ctx.used.add(subject);
      return draft;
    }
  }
  return null;
}

/** Posts one notice (forwarded or not) and records its truth. Returns the deliveries. */
export function plantNotice(ctx: WeekContext, options: NoticeOptions = {}): Delivery[] {
  const { rng, clock, truth } = ctx;
  const first =
    options.at ?? (options.rushed ? clock.sampleWorkday(rng, 510, 14 * 60) : clock.sample(rng, 'office'));
  const setting = noticeSetting(ctx, first);
  const draft = freshDraft(ctx, () => options.draft?.(setting) ?? composeNotice(setting, options));
  if (!draft) return [];
  const count = options.groups ?? rng.int(2, 5);
  const targets =
    count === 1 ? [rng.pick(singleCandidates(ctx, draft.topic))] : chooseTargets(ctx, draft.topic, count);
  const latest =
    draft.dueMinute !== null
      ? startOfLocalDay(first) + (draft.dueMinute - 20) * MINUTE
      : Math.min(clock.end, first + rng.int(3, 30) * HOUR);
  const splitAt =
    !draft.rushed && targets.length > 1 && rng.chance(0.3) ? rng.int(1, targets.length - 1) : -1;

  const deliveries = deliverCopies(ctx, {
    targets,
    first,
    latest,
    strict: draft.rushed,
    repliesOptional: true,
    gapMean: draft.rushed ? 12 * MINUTE : 50 * MINUTE,
    copy(group, index, previous) {
      const sender = forwarder(ctx, group, previous);
      const split = index === splitAt;
      // A split copy is the body alone, otherwise verbatim: each part stays a clear piece of the notice.
      const copy = split
        ? noticeCopy(rng, { ...draft, signoff: [] }, { changes: 0 })
        : noticeCopy(rng, draft, {
            atAll: rng.chance(index === 0 ? 0.3 : 0.25),
            changes: index === 0 ? (rng.chance(0.3) ? 1 : 0) : rng.int(1, 3),
            allowTraditional: rng.chance(0.15),
          });
      const parts = split ? splitInTwo(copy.text) : null;
      const followUp = copy.mentionAll && rng.chance(0.7) ? ackFloodFollowUp(ctx, group, sender) : null;
      return {
        sender,
        parts: parts ? parts.map((text) => ({ text })) : [{ text: copy.text, mentionAll: copy.mentionAll }],
        followUp,
      };
    },
  });

  const repostIn = deliveries.length > 0 && rng.chance(0.15) ? rng.pick(deliveries) : null;
  if (repostIn) {
    // Every copy, reminders included, goes out within two days of the first: a relaxed deadline (three
    // or more days ahead) then never falls on the day a copy is posted.
    const at = Math.min((repostIn.messages[0]?.ms ?? first) + rng.int(2, 20) * HOUR, first + 40 * HOUR);
    const reposted = deliverCopies(ctx, {
      targets: [repostIn.group],
      first: draft.rushed ? (repostIn.messages[0]?.ms ?? first) + rng.int(20, 60) * MINUTE : at,
      latest: draft.rushed ? latest : Math.min(clock.end, first + 46 * HOUR),
      strict: draft.rushed,
      gapMean: 0,
      copy: (group) => ({
        // The same person reminds everyone of what they posted.
        sender: group.members.find((m) => m.id === repostIn.messages[0]?.senderId) ?? group.owner,
        parts: [{ text: repostText(rng, noticeText(draft)) }],
        followUp: null,
      }),
    });
    deliveries.push(...reposted);
  }

  if (deliveries.length >= 2) truth.duplicate(deliveries.flatMap((d) => d.messages));
  if (draft.rushed) for (const d of deliveries) for (const m of d.messages) truth.rushed(m);
  return deliveries;
}
