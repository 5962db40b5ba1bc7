/**
 * Hard negatives for duplicate detection, planted in the same week: look-alike notices that differ in
 * substance. Two duty rosters (other days, other names), two meeting notices of one kind (another date,
 * agenda and place), two inspection notices sharing a long boilerplate opening. Each may be forwarded,
 * so each may be a cluster of its own, never one cluster together.
 */
import { inspectionNotice, meetingNotice, rosterNotice } from '../compose-notice.js';
import { INSPECTION_TARGETS, type NoticeTopic } from '../notice-vocabulary.js';
import { DAY, MINUTE } from '../sim-clock.js';
import type { WeekContext } from '../week-context.js';
import { plantNotice } from './notices.js';

const MEETING_TOPICS: NoticeTopic[] = ['safety', 'party', 'civility', 'stability', 'general'];

function dayAt(ctx: WeekContext, day: number): number {
  return ctx.clock.start + day * DAY + ctx.rng.int(9 * 60, 17 * 60) * MINUTE;
}

export function plantTemplateNegatives(ctx: WeekContext): void {
  const { rng, clock } = ctx;
  const groups = () => rng.int(1, 3);

  // This weekend's office duty, and next week's emergency duty: posted Thursday and Friday.
  const weekend = [clock.start + 5 * DAY, clock.start + 6 * DAY];
  const nextWeek = [7, 8, 9, 10].map((d) => clock.start + d * DAY);
  plantNotice(ctx, { at: dayAt(ctx, 3), groups: groups(), draft: (s) => rosterNotice(s, '党政办', weekend) });
  plantNotice(ctx, {
    at: dayAt(ctx, 4),
    groups: groups(),
    draft: (s) => rosterNotice(s, '应急办', nextWeek),
  });

  // The same kind of meeting on two different dates (this week and next), with other agendas.
  const topic = rng.pick(MEETING_TOPICS);
  const first = dayAt(ctx, rng.int(0, 1));
  const second = dayAt(ctx, rng.int(2, 4));
  plantNotice(ctx, { at: first, groups: groups(), draft: (s) => meetingNotice(s, topic, first + 2 * DAY) });
  plantNotice(ctx, { at: second, groups: groups(), draft: (s) => meetingNotice(s, topic, second + 4 * DAY) });

  // Two inspections with the same long opening, other targets and other dates.
  const [a, b] = rng.sample(INSPECTION_TARGETS, 2);
  const nextMonday = clock.start + 7 * DAY;
  plantNotice(ctx, {
    at: dayAt(ctx, rng.int(0, 2)),
    groups: groups(),
    draft: (s) => inspectionNotice(s, a as string[], nextMonday),
  });
  plantNotice(ctx, {
    at: dayAt(ctx, rng.int(1, 4)),
    groups: groups(),
    draft: (s) => inspectionNotice(s, b as string[], nextMonday + 3 * DAY),
  });
}
