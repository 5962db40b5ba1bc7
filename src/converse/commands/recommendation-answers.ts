import type { RecommendationStatus } from '../../recommend/recommendation.js';
import type { IssuedRecommendation } from '../../store/recommendations.js';
import type { Command } from '../command.js';
import { answer, refuse } from '../reply.js';

const NUMBER = /^\d{1,4}$/;
/** Recommendation ids look like 'merge-728c3d8d5376' (src/recommend/recommendation-id.ts). */
const ID = /^[a-z][a-z-]*-[0-9a-f]{6,64}$/i;

/**
 * 采纳 N / 忽略 N (accept / dismiss): stores the owner's answer to recommendation N of their latest
 * digest (or to a recommendation id from one of their digests), through the recommendation-status
 * store. Only the asker's own digests are searched: a number or id that is not theirs gets the same
 * polite "not found" as one that does not exist, and nothing is changed.
 */
function recommendationAnswerCommand(
  declared: Pick<Command, 'name' | 'words' | 'help'>,
  status: RecommendationStatus,
): Command {
  return {
    ...declared,
    access: 'owner',
    run({ store, config, clock, text, roles, word }, args) {
      const [ref, ...rest] = args;
      if (ref === undefined || rest.length > 0) return answer(text.badNumbers(word));
      const ownerId = roles.contactId;
      const at = clock.now();
      let issued: IssuedRecommendation | undefined;
      if (NUMBER.test(ref)) {
        issued = store.recommendations.answer({ ownerId, number: Number(ref), status, at });
      } else if (ID.test(ref)) {
        issued = store.recommendations.issuedById(ownerId, ref);
        if (issued) store.recommendations.setStatus({ ...issued, status, at });
      } else {
        return answer(text.badNumbers(word));
      }
      if (!issued) return refuse(text.noSuchRecommendation(ref));
      const kind = text.kind[issued.kind as keyof typeof text.kind] ?? issued.kind;
      const groups = issued.groupIds.map((g) => store.groups.find(g)?.name || g).join(text.listSep);
      return answer(
        status === 'accepted'
          ? text.accepted(issued.number, kind, groups)
          : text.dismissed(issued.number, kind, groups, config.recommend.dismissal.weeks),
      );
    },
  };
}

/** 采纳 N / accept N: the owner accepts recommendation N of their latest digest. */
export const acceptCommand = recommendationAnswerCommand(
  { name: 'accept', words: ['采纳', 'accept'], help: (text) => text.help.accept },
  'accepted',
);

/** 忽略 N / dismiss N: the owner dismisses recommendation N of their latest digest. */
export const dismissCommand = recommendationAnswerCommand(
  { name: 'dismiss', words: ['忽略', 'dismiss'], help: (text) => text.help.dismiss },
  'dismissed',
);
