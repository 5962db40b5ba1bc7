import type { StoredMessage } from '../model/message.js';
import { isPhotoDemand } from '../text/demands.js';
import { toSimplified } from '../text/normalise.js';
import { classifyReply } from '../text/replies.js';
import { isRollCallPost } from '../text/roll-calls.js';
import { countableMessages } from './countable-predicate.js';
import type { Detector } from './detector.js';

export interface PhotoProofFinding {
  groupId: string;
  demandMessageId: string;
  demandAt: number;
  /** The images that answered the demand, in time order. */
  messageIds: string[];
  /** Distinct members who sent them. */
  senders: number;
  /** At least `minImages` images answered. */
  flood: boolean;
}

interface OpenDemand {
  demand: StoredMessage;
  images: StoredMessage[];
  senders: Set<string>;
}

/**
 * Demands for photo/screenshot proof (打卡/截图/拍照/留痕 … 发群里/上传) and the images that answer
 * them: images from other members within `windowMinutes`, until the next demand in the group (the
 * demander's own images are examples, not answers). Every demand is reported, even unanswered;
 * `flood` marks those answered by at least `minImages` images. Recalled images do not count.
 */
export const photoProofDetector: Detector<'photoProof', PhotoProofFinding[]> = {
  name: 'photoProof',
  run({ data, config }) {
    const { windowMinutes, minImages } = config.analysis.photoProof;
    const windowMs = windowMinutes * 60_000;
    const open = new Map<string, OpenDemand>();
    const findings: PhotoProofFinding[] = [];
    const close = (o: OpenDemand) => {
      findings.push({
        groupId: o.demand.groupId,
        demandMessageId: o.demand.id,
        demandAt: o.demand.time,
        messageIds: o.images.map((i) => i.id),
        senders: o.senders.size,
        flood: o.images.length >= minImages,
      });
    };
    for (const m of countableMessages(data.messages)) {
      const current = open.get(m.groupId);
      if (m.type === 'image') {
        if (current && m.time - current.demand.time <= windowMs && m.senderId !== current.demand.senderId) {
          current.images.push(m);
          current.senders.add(m.senderId ?? `?${m.id}`);
        }
        continue;
      }
      if (m.text === null || !isPhotoDemand(toSimplified(m.text))) continue;
      if (isRollCallPost(m.text) || classifyReply(m.text) !== 'other') continue;
      if (current) close(current);
      open.set(m.groupId, { demand: m, images: [], senders: new Set() });
    }
    for (const o of open.values()) close(o);
    return findings.sort((a, b) => a.demandAt - b.demandAt);
  },
};
