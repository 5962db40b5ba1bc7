import { shiftWeek, weekOf } from '../../calendar/weeks.js';
import type { Recommendation } from '../../recommend/recommendation.js';
import { buildOwnerDigests, digestInputsNow } from '../../weeks/owner-digests.js';
import type { Command } from '../command.js';
import { readWeekArg, weekOutOfRange } from '../command-args.js';
import { answer, type ReplyPart, refuse } from '../reply.js';

/**
 * 周报 [WEEK] / digest [WEEK]: the asker's own owner digest (default: last week) with its chart, at
 * once; the recommendations it numbers are recorded, so 采纳 N answers it. A week after the current one
 * or before the first stored message is refused with a reply saying which weeks there are. Naming anyone else —
 * another owner's id or name — is refused: there is no way to ask for someone else's digest.
 */
export const weeklyDigestCommand: Command = {
  name: 'digest',
  words: ['周报', 'digest'],
  access: 'owner',
  help: (text) => text.help.digest,
  run({ store, config, clock, text, roles, analyses, word }, args) {
    const now = clock.now();
    const read = readWeekArg(args, roles.contactId, config.timezone);
    if (read === 'other') return refuse(text.refusedOthers(word));
    const week = read ?? shiftWeek(weekOf(now, config.timezone), -1, config.timezone);
    // Only a week that was asked for is checked: last week, the default, always has its digest.
    const outOfRange = read === undefined ? null : weekOutOfRange(store, week, now, config.timezone, text);
    if (outOfRange) return answer(outOfRange);
    const inputs = digestInputsNow(analyses, week);
    const { recommendations } = inputs;
    const [digest] = buildOwnerDigests(inputs, config, week, { ownerId: roles.contactId });
    if (!digest) return answer(text.noDigest(week));
    const byId = new Map(recommendations.map((r) => [r.id, r]));
    store.recommendations.recordIssued({
      ownerId: roles.contactId,
      week,
      recommendations: digest.recommendationIds
        .map((id) => byId.get(id))
        .filter((r): r is Recommendation => r !== undefined),
      at: now,
    });
    const parts: ReplyPart[] = digest.parts.map((t) => ({ kind: 'text', text: t }));
    if (digest.chartPng)
      parts.push({ kind: 'image', base64: digest.chartPng.toString('base64'), name: `qingqun-${week}.png` });
    return { outcome: 'answered', parts };
  },
};
