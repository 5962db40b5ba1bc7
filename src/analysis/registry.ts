import { ackFloodsDetector } from './ack-floods.js';
import type { DetectorContext } from './detector.js';
import { duplicateNoticesDetector } from './duplicate-notices.js';
import { groupOverlapDetector } from './group-overlap.js';
import { likeSpamDetector } from './like-spam.js';
import { photoProofDetector } from './photo-proof.js';
import { repeatedRequestsDetector } from './repeated/repeated-requests.js';
import { rollCallsDetector } from './roll-calls.js';
import { rushedRequestsDetector } from './rushed-requests.js';
import { volumeDetector } from './volume.js';
import { zombieGroupsDetector } from './zombie-groups.js';

/**
 * Every detector, in the order they run: a detector may read the findings of those before it
 * (overlaps reads duplicates; ackFloods excludes roll-call replies). Adding a detector means adding it here.
 */
export const DETECTORS = [
  volumeDetector,
  duplicateNoticesDetector,
  rollCallsDetector,
  ackFloodsDetector,
  likeSpamDetector,
  photoProofDetector,
  rushedRequestsDetector,
  zombieGroupsDetector,
  groupOverlapDetector,
  repeatedRequestsDetector,
] as const;

type AnyDetector = (typeof DETECTORS)[number];

/** The findings of one week, keyed by detector name. */
export type WeekFindings = {
  [D in AnyDetector as D['name']]: ReturnType<D['run']>;
};

export function analyseWeek(ctx: DetectorContext): WeekFindings {
  const findings: Record<string, unknown> = {};
  for (const detector of DETECTORS) findings[detector.name] = detector.run(ctx, findings);
  return findings as WeekFindings;
}
