import type { StoredMessage } from '../model/message.js';
import { isNumberOffRequest, numberOffOf, parseRollCallPost } from '../text/roll-calls.js';
import { countableMessages } from './countable-predicate.js';
import type { Detector } from './detector.js';
import { NumberOffTracker } from './number-off-tracker.js';
import {
  addRollCallPost,
  newRollCallChain,
  type RollCallChain,
  type RollCallFinding,
} from './roll-call-chain.js';

export type { RollCallFinding } from './roll-call-chain.js';

const CARD_APP = /接[龙龍]/;
const HEADER = /^#接[龙龍]/;
const HOUR = 3_600_000;
/** A message this long, an @所有人, a file or a link is a new notice: it ends a number-off. */
const NOTICE_LENGTH = 40;
const NOTICE_TYPES = new Set<StoredMessage['type']>(['file', 'link']);

/**
 * Roll-calls: WeChat #接龙 chains (one per header + description within a group; a post whose list
 * restarts at one line opens a new chain), 群接龙/接龙管家 mini-program cards (one chain per title
 * within a group while cards keep coming within `cardGapHours`), and number-off replies answering
 * a request (报数, 请接龙, 依次回复序号) or counting up from 1 by themselves, until the replies stop
 * for `windowMinutes` or a new notice arrives. A request just before a #接龙 chain or card is that
 * chain's request. One pass over the week.
 */
export const rollCallsDetector: Detector<'rollCalls', RollCallFinding[]> = {
  name: 'rollCalls',
  run({ data, config }) {
    const { windowMinutes, minNumberOffReplies, cardGapHours } = config.analysis.rollCalls;
    const numberOff = new NumberOffTracker(windowMinutes * 60_000, minNumberOffReplies);
    const chains = new Map<string, RollCallChain>();
    const done: RollCallFinding[] = [];

    for (const m of countableMessages(data.messages)) {
      const post = parseRollCallPost(m.text);
      if (post) {
        const key = `c\u0000${m.groupId}\u0000${post.key}`;
        let chain = chains.get(key);
        if (!chain || (post.items.length <= 1 && chain.lastItems >= 2)) {
          if (chain) done.push(chain.finding);
          chain = newRollCallChain(m, 'chain', post.key.replace(HEADER, ''), numberOff.takeRequest(m));
          chains.set(key, chain);
        }
        let max = chain.maxNumber;
        for (const item of post.items) {
          if (item.number <= chain.maxNumber) chain.finding.linesReposted++;
          if (item.number > max) max = item.number;
        }
        chain.maxNumber = max;
        chain.lastItems = post.items.length;
        addRollCallPost(chain, m);
        continue;
      }
      const card = m.type === 'miniprogram' ? m.miniprogram : null;
      if (card && (CARD_APP.test(card.appName ?? '') || CARD_APP.test(card.title ?? ''))) {
        const title = card.title ?? card.appName ?? '';
        const key = `m\u0000${m.groupId}\u0000${title}`;
        let chain = chains.get(key);
        if (!chain || m.time - chain.finding.lastAt > cardGapHours * HOUR) {
          if (chain) done.push(chain.finding);
          chain = newRollCallChain(m, 'card', title, numberOff.takeRequest(m));
          chains.set(key, chain);
        }
        addRollCallPost(chain, m);
        continue;
      }
      if (m.text !== null && isNumberOffRequest(m.text)) {
        numberOff.request(m, done);
        continue;
      }
      const n = numberOffOf(m);
      if (n !== null) numberOff.reply(m, n, done);
      else if (
        m.mentionAll ||
        NOTICE_TYPES.has(m.type) ||
        (m.text?.length ?? m.textLength) >= NOTICE_LENGTH
      ) {
        numberOff.interrupt(m, done);
      }
    }
    numberOff.flush(done);
    for (const chain of chains.values()) done.push(chain.finding);
    return done.sort((a, b) => a.firstAt - b.firstAt || a.groupId.localeCompare(b.groupId));
  },
};
