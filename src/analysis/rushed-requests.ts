import { findDemandDeadline } from '../text/deadlines.js';
import { toSimplified } from '../text/normalise.js';
import { classifyReply } from '../text/replies.js';
import { countableMessages } from './countable-predicate.js';
import type { Detector } from './detector.js';
import type { RollCallFinding } from './roll-call-chain.js';

export interface RushedRequestFinding {
  groupId: string;
  messageId: string;
  postedAt: number;
  /** UTC epoch ms. */
  deadline: number;
  /** Hours between posting and the deadline, two decimals. */
  hoursGiven: number;
  /** Posted outside working time (configured hours, weekends and holidays). */
  offHours: boolean;
  /** The deadline as written ("今天下班前", "1小时内", "立即"). */
  phrase: string;
}

const HOUR = 3_600_000;
/**
 * A cheap pre-test, in simplified and traditional characters, for the demand verbs that
 * findDemandDeadline looks for: most chat has none and skips the conversion and the parsing.
 */
const DEMAND_HINT =
  /[报報]|反[馈饋]|提交|上交|交[至到给給]|[发發][群到至送在]|群里[发發]|上[传傳]|回[复復传傳]|核[实實查]|摸排|排查|[统統][计計]|[汇匯][总總]/;

/**
 * Rushed demands: a demand to report, submit, post proof or feed back whose deadline falls on the
 * local day it was posted or within `maxHours` of posting ("今天下班前报送", "于今天16:00前",
 * "1小时内反馈", "5点前必须报上来", "立即上报"). "Tomorrow" deadlines are judged by `maxHours` alone
 * (docs/ground-truth.md): "明早9点前" posted at 21:00 gives 12 hours. Traditional characters are read
 * as simplified. Each copy is judged against its own posting time, so every forwarded copy is its
 * own finding. Deadlines on a later day beyond `maxHours` ("11月25日前", "3个工作日内"), deadlines
 * already past and ambiguous times are not rushed. Replies ("收到，马上报送") and the re-posts of a
 * #接龙 chain after its first are skipped.
 */
export const rushedRequestsDetector: Detector<'rushedRequests', RushedRequestFinding[]> = {
  name: 'rushedRequests',
  run({ data, config, calendar }, earlier) {
    const { maxHours, immediateMinutes } = config.analysis.rushed;
    const rollCalls = (earlier.rollCalls ?? []) as RollCallFinding[];
    const reposts = new Set<string>();
    for (const r of rollCalls) {
      if (r.kind !== 'chain') continue;
      const posts = r.requestMessageId ? r.messageIds.slice(1) : r.messageIds;
      for (const id of posts.slice(1)) reposts.add(id);
    }
    const findings: RushedRequestFinding[] = [];
    for (const m of countableMessages(data.messages)) {
      if (m.text === null || reposts.has(m.id)) continue;
      if (!DEMAND_HINT.test(m.text) || classifyReply(m.text) !== 'other') continue;
      const found = findDemandDeadline(toSimplified(m.text), m.time, calendar, immediateMinutes);
      if (!found || found.deadline < m.time) continue;
      const hours = (found.deadline - m.time) / HOUR;
      // A deadline at 24:00 belongs to the day it ends.
      const sameDay =
        calendar.local(Math.max(m.time, found.deadline - 1)).date === calendar.local(m.time).date;
      if (!sameDay && hours > maxHours) continue;
      findings.push({
        groupId: m.groupId,
        messageId: m.id,
        postedAt: m.time,
        deadline: found.deadline,
        hoursGiven: Math.round(hours * 100) / 100,
        offHours: !calendar.isWorkingTime(m.time),
        phrase: found.phrase,
      });
    }
    return findings;
  },
};
