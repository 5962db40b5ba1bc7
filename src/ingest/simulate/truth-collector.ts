/**
 * Collects the ground truth while events are planted. Entries first point at messages (whose ids do
 * not exist yet); `resolveWeek` turns them into ids once the week is sorted and numbered, so only one
 * week of messages is ever held. Conventions: docs/ground-truth.md.
 */
import type { GroundTruth } from '../../model/ground-truth.js';
import { byTime, type SimMessage } from './sim-message.js';

type Entry =
  | { category: 'duplicates'; messages: SimMessage[] }
  | { category: 'rollCalls'; groupId: string; messages: SimMessage[] }
  | { category: 'ackFloods' | 'likeSpam'; groupId: string; trigger: SimMessage; messages: SimMessage[] }
  | { category: 'photoProof'; groupId: string; trigger: SimMessage; messages: SimMessage[] }
  | { category: 'rushedRequests'; groupId: string; trigger: SimMessage; messages: [] };

export interface TruthCollector {
  /** Every copy of one notice, file or link; ignored unless it reached two or more deliveries. */
  duplicate(copies: SimMessage[]): void;
  rollCall(groupId: string, posts: SimMessage[]): void;
  ackFlood(groupId: string, trigger: SimMessage, acks: SimMessage[]): void;
  likeSpam(groupId: string, trigger: SimMessage, replies: SimMessage[]): void;
  photoProof(groupId: string, demand: SimMessage, images: SimMessage[]): void;
  rushed(copy: SimMessage): void;
  /**
   * Converts the week's entries to ids; call after the week's messages (given in time order) got
   * theirs. A photo demand planted without answers gets whatever images its group saw in the
   * 240 minutes after it (up to the next demand), so the label follows the convention whatever else
   * was planted nearby.
   */
  resolveWeek(weekMessages: readonly SimMessage[]): void;
  result(structure: Pick<GroundTruth, 'zombieGroups' | 'mergeCandidates' | 'relayGroups'>): GroundTruth;
}

/** The window in which images answer a photo demand (docs/ground-truth.md). */
const PHOTO_WINDOW_MS = 240 * 60_000;

function ids(messages: SimMessage[]): string[] {
  return messages
    .slice()
    .sort(byTime)
    .map((m) => m.id);
}

export function createTruthCollector(seed: number, weeks: string[]): TruthCollector {
  const truth: GroundTruth = {
    seed,
    weeks,
    duplicates: [],
    rollCalls: [],
    ackFloods: [],
    likeSpam: [],
    photoProof: [],
    rushedRequests: [],
    zombieGroups: [],
    mergeCandidates: [],
    relayGroups: [],
  };
  let pending: Entry[] = [];

  function first(entry: Entry): SimMessage {
    if ('trigger' in entry) return entry.trigger;
    return entry.messages.slice().sort(byTime)[0] as SimMessage;
  }

  return {
    duplicate(copies) {
      if (copies.length >= 2) pending.push({ category: 'duplicates', messages: copies });
    },
    rollCall(groupId, posts) {
      pending.push({ category: 'rollCalls', groupId, messages: posts });
    },
    ackFlood(groupId, trigger, acks) {
      pending.push({ category: 'ackFloods', groupId, trigger, messages: acks });
    },
    likeSpam(groupId, trigger, replies) {
      pending.push({ category: 'likeSpam', groupId, trigger, messages: replies });
    },
    photoProof(groupId, demand, images) {
      pending.push({ category: 'photoProof', groupId, trigger: demand, messages: images });
    },
    rushed(copy) {
      pending.push({ category: 'rushedRequests', groupId: copy.groupId, trigger: copy, messages: [] });
    },
    resolveWeek(weekMessages) {
      const imagesByGroup = new Map<string, SimMessage[]>();
      for (const m of weekMessages) {
        if (m.type !== 'image') continue;
        const list = imagesByGroup.get(m.groupId);
        if (list) list.push(m);
        else imagesByGroup.set(m.groupId, [m]);
      }
      const demands = pending.flatMap((e) => (e.category === 'photoProof' ? [e.trigger] : []));
      // Images answer the latest demand before them: an unanswered demand's window ends at the next one.
      const imagesAfter = (demand: SimMessage) => {
        const next = demands.filter((d) => d.groupId === demand.groupId && d.ms > demand.ms);
        const end = Math.min(demand.ms + PHOTO_WINDOW_MS, ...next.map((d) => d.ms - 1));
        return (imagesByGroup.get(demand.groupId) ?? []).filter((m) => m.ms > demand.ms && m.ms <= end);
      };
      // Chronological within the week, whatever order the planting took.
      const ordered = pending
        .map((entry) => ({ entry, at: first(entry) }))
        .sort((a, b) => byTime(a.at, b.at))
        .map((x) => x.entry);
      for (const e of ordered) {
        switch (e.category) {
          case 'duplicates':
            truth.duplicates.push({ messageIds: ids(e.messages) });
            break;
          case 'rollCalls':
            truth.rollCalls.push({ groupId: e.groupId, messageIds: ids(e.messages) });
            break;
          case 'ackFloods':
          case 'likeSpam':
            truth[e.category].push({
              groupId: e.groupId,
              triggerMessageId: e.trigger.id,
              messageIds: ids(e.messages),
            });
            break;
          case 'photoProof':
            truth.photoProof.push({
              groupId: e.groupId,
              demandMessageId: e.trigger.id,
              messageIds: ids(e.messages.length > 0 ? e.messages : imagesAfter(e.trigger)),
            });
            break;
          case 'rushedRequests':
            truth.rushedRequests.push({ groupId: e.groupId, messageId: e.trigger.id });
            break;
        }
      }
      pending = [];
    },
    result(structure) {
      return { ...truth, ...structure };
    },
  };
}
