/**
 * What every event generator gets while one town's week is planted: the randomness, the clock, the
 * time reservations, the truth collector, and `post`, the one way a message enters the week.
 */
import type { MessageType } from '../../model/message.js';
import type { Cadre, SimGroup, Town } from './organisation.js';
import type { Prng } from './prng.js';
import type { WeekClock } from './sim-clock.js';
import type { SimMessage } from './sim-message.js';
import type { Timeline } from './timeline.js';
import type { TruthCollector } from './truth-collector.js';

export interface MessageFields {
  type?: MessageType;
  text?: string | null;
  mentionAll?: boolean;
  mentionIds?: string[];
  link?: SimMessage['link'];
  file?: SimMessage['file'];
  miniprogram?: SimMessage['miniprogram'];
  recalls?: SimMessage | null;
}

/** The week's messages of every town, in creation order; `seq` numbers them. */
export interface WeekSink {
  messages: SimMessage[];
  seq: number;
}

export interface WeekContext {
  rng: Prng;
  clock: WeekClock;
  town: Town;
  timeline: Timeline;
  truth: TruthCollector;
  /** Keys of specifics used this week in any town, so that look-alike texts always differ. */
  used: Set<string>;
  /** Groups that may carry traffic (not zombies). */
  active: SimGroup[];
  /** Relay group by the id of its host. */
  relayByHost: Map<string, SimGroup>;
  post(group: SimGroup, sender: Cadre, ms: number, fields: MessageFields): SimMessage;
  /** Messages this town posted so far this week. */
  posted(): number;
}

export function createWeekContext(input: {
  rng: Prng;
  clock: WeekClock;
  town: Town;
  timeline: Timeline;
  truth: TruthCollector;
  used: Set<string>;
  sink: WeekSink;
}): WeekContext {
  const { sink } = input;
  let count = 0;
  const active = input.town.groups.filter((g) => !g.zombie);
  const relayByHost = new Map<string, SimGroup>();
  for (const g of active) if (g.hostId) relayByHost.set(g.hostId, g);
  return {
    ...input,
    active,
    relayByHost,
    post(group, sender, ms, fields) {
      if (!group.memberIds.has(sender.id)) {
        throw new Error(`simulation: ${sender.id} is not a member of ${group.id}`);
      }
      const message: SimMessage = {
        seq: sink.seq++,
        ms: Math.floor(ms / 1000) * 1000,
        groupId: group.id,
        senderId: sender.id,
        type: fields.type ?? 'text',
        text: fields.text ?? null,
        mentionAll: fields.mentionAll ?? false,
        mentionIds: fields.mentionIds ?? null,
        link: fields.link ?? null,
        file: fields.file ?? null,
        miniprogram: fields.miniprogram ?? null,
        recalls: fields.recalls ?? null,
        id: '',
      };
      sink.messages.push(message);
      count++;
      return message;
    },
    posted: () => count,
  };
}
