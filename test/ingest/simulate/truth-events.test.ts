import { Converter } from 'opencc-js/t2cn';
import { describe, expect, it } from 'vitest';
import type { MessageRecord } from '../../../src/model/interchange.js';
import { splitQuote } from '../../../src/text/quote.js';
import { runSimulation } from './sim-fixture.js';

const MINUTE = 60_000;
const t = (m: MessageRecord | undefined) => Date.parse(m?.time ?? '');
/** Some copies are in traditional characters. */
const simplified = Converter({ from: 'tw', to: 'cn' });

/** Acknowledgement-only texts, written independently of the simulator's pools. */
const ACK =
  /^(?=.*(收到|好的|明白|知悉|已阅|OK|1|👌))(收到|已收到|好的|明白|知悉|已阅|OK|1|👌|\[OK\]|，|！|!|\s|马上落实|立即落实|马上安排|谢谢|\[抱拳\])+$/u;
/** Acknowledgements with who answers in front, or a commitment after (issue 12, item 3). */
const ACK_SHAPED =
  /^(?:[\p{Script=Han}]{2,12}(?:社区|村|办|所|站|中心)[\p{Script=Han}]{0,4}收到|网格员[\p{Script=Han}]{2,4}收到|(?:(?:收到|好的)，)?(?:(?:今天下班|17:00)前报送|明天上午报送|准时参会|会准时参加|已提交，请查收|马上核实|立即组织排查|按时完成))$/u;
/** A quote reply (引用回复) is judged by its reply alone. */
const own = (text: string | null | undefined) => splitQuote(text ?? null)?.reply ?? text ?? '';
/** Praise-only texts. */
const PRAISE =
  /^(\[强\]|\[玫瑰\]|\[鼓掌\]|👍|👏|赞|点赞|！|!|辛苦了?|领导|学习了|为.{1,4}点赞|向.{1,4}学习|.{1,4}辛苦了|好样的)+$/u;
/** A same-day deadline. */
const RUSHED = /今天(下午)?\d{1,2}(:\d{2})?点?前|今天下班前|\d小时内/;

describe.each([1, 2])('planted events, seed %i', (seed) => {
  const run = runSimulation({ seed });
  const { truth, byId, messages, sim } = run;
  const leaders = new Set(sim.contacts.filter((c) => c.unit === '领导班子').map((c) => c.id));

  it('answers each acknowledgement trigger with ≥ 3 ack-only replies from distinct others within 2 hours', () => {
    expect(truth.ackFloods.length).toBeGreaterThanOrEqual(8);
    for (const flood of truth.ackFloods) {
      const trigger = byId.get(flood.triggerMessageId);
      const acks = flood.messageIds.map((id) => byId.get(id) as MessageRecord);
      expect(acks.length).toBeGreaterThanOrEqual(3);
      expect(trigger?.mentionAll || /收到请回复/.test(trigger?.text ?? '')).toBe(true);
      expect(new Set(acks.map((a) => a.senderId)).size).toBe(acks.length);
      for (const a of acks) {
        const reply = own(a.text);
        expect(ACK.test(reply) || ACK_SHAPED.test(reply), `${a.id} ${reply}`).toBe(true);
        expect(a.senderId).not.toBe(trigger?.senderId);
        expect(t(a) - t(trigger)).toBeGreaterThan(0);
        expect(t(a) - t(trigger)).toBeLessThanOrEqual(120 * MINUTE);
      }
    }
  });

  it('plants lone acknowledgements, and every ack-like text outside floods is alone or a number-off', () => {
    const inFlood = new Set(truth.ackFloods.flatMap((f) => f.messageIds));
    const inRollCall = new Set(truth.rollCalls.flatMap((r) => r.messageIds));
    const ackLike = messages.filter((m) => m.type === 'text' && ACK.test(m.text ?? ''));
    const lone = ackLike.filter((m) => !inFlood.has(m.id) && !inRollCall.has(m.id));
    expect(lone.length).toBeGreaterThanOrEqual(4);
    for (const m of lone) {
      const neighbours = ackLike.filter(
        (o) =>
          o !== m &&
          o.groupId === m.groupId &&
          Math.abs(t(o) - t(m)) <= 120 * MINUTE &&
          !inRollCall.has(o.id),
      );
      expect(
        neighbours.map((n) => n.id),
        m.id,
      ).toEqual([]);
    }
  });

  it('follows showcases with praise-only replies, mostly after leaders, next to substantive replies', () => {
    expect(truth.likeSpam.length).toBeGreaterThanOrEqual(8);
    let byLeaders = 0;
    let substantive = 0;
    const praised = new Set(truth.likeSpam.flatMap((l) => l.messageIds));
    for (const spam of truth.likeSpam) {
      const trigger = byId.get(spam.triggerMessageId);
      if (leaders.has(trigger?.senderId ?? '')) byLeaders++;
      expect(spam.messageIds.length).toBeGreaterThanOrEqual(3);
      for (const id of spam.messageIds) {
        const reply = byId.get(id);
        expect(reply?.text, id).toMatch(PRAISE);
        expect(t(reply) - t(trigger)).toBeLessThanOrEqual(120 * MINUTE);
      }
      const last = Math.max(...spam.messageIds.map((id) => t(byId.get(id))));
      substantive += messages.filter(
        (m) => m.groupId === spam.groupId && t(m) > t(trigger) && t(m) <= last && !praised.has(m.id),
      ).length;
    }
    expect(byLeaders / truth.likeSpam.length).toBeGreaterThan(0.5);
    expect(substantive).toBeGreaterThan(0);
    const strayPraise = messages.filter(
      (m) => m.type === 'text' && PRAISE.test(m.text ?? '') && !praised.has(m.id),
    );
    expect(strayPraise.map((m) => m.text)).toEqual([]);
  });

  it('answers photo demands with image floods, and no other image falls in a demand window', () => {
    // Unanswered demands are labelled too, with no images (docs/ground-truth.md).
    expect(truth.photoProof.filter((p) => p.messageIds.length > 0).length).toBeGreaterThanOrEqual(8);
    for (const proof of truth.photoProof) {
      const demand = byId.get(proof.demandMessageId);
      expect(demand?.text).toMatch(/照片|截图/);
      expect(demand?.text).toMatch(/发群里|发到群里/);
      const proofIds = new Set(proof.messageIds);
      // Images answer the latest demand before them: a window ends at the group's next demand.
      const nextDemand = Math.min(
        ...truth.photoProof
          .filter((p) => p.groupId === proof.groupId)
          .map((p) => t(byId.get(p.demandMessageId)))
          .filter((at) => at > t(demand)),
      );
      for (const m of messages) {
        if (m.groupId !== proof.groupId || m.type !== 'image') continue;
        const dt = t(m) - t(demand);
        if (dt > 0 && dt <= 240 * MINUTE && t(m) < nextDemand) expect(proofIds.has(m.id), m.id).toBe(true);
      }
      for (const id of proofIds) expect(byId.get(id)?.type).toBe('image');
    }
  });

  it('marks exactly the same-day demands as rushed, posted on the day before their deadline', () => {
    const rushed = new Set(truth.rushedRequests.map((r) => r.messageId));
    expect(rushed.size).toBeGreaterThanOrEqual(12);
    // Acknowledgements that promise a time ("收到，今天下班前报送") are replies, not demands.
    const acks = new Set(truth.ackFloods.flatMap((f) => f.messageIds));
    const withPhrase = messages.filter(
      (m) => m.type === 'text' && !acks.has(m.id) && RUSHED.test(simplified(m.text ?? '')),
    );
    expect(withPhrase.map((m) => m.id).sort()).toEqual([...rushed].sort());
    for (const id of rushed) {
      const m = byId.get(id) as MessageRecord;
      const hour = Number(m.time.slice(11, 13));
      expect(hour).toBeGreaterThanOrEqual(8);
      expect(hour).toBeLessThan(18);
      const due = /今天(?:下午)?(\d{1,2})(?::\d{2})?点?前/.exec(simplified(m.text ?? ''));
      if (due) {
        const dueHour = Number(due[1]) < 8 ? Number(due[1]) + 12 : Number(due[1]);
        expect(dueHour * 60, m.text ?? '').toBeGreaterThan(hour * 60 + Number(m.time.slice(14, 16)));
      }
    }
    const relaxed = messages.filter((m) =>
      /\d+月\d+日(（周.）)?(下班)?前|本周五前|下周一前/.test(m.text ?? ''),
    );
    expect(relaxed.length).toBeGreaterThan(5);
    for (const m of relaxed) expect(rushed.has(m.id)).toBe(false);
  });

  it('plants #接龙 chains that grow by one line per post, 群接龙 cards and number-off replies', () => {
    const kinds = { jielong: 0, card: 0, numberOff: 0 };
    for (const chain of truth.rollCalls) {
      const posts = chain.messageIds.map((id) => byId.get(id) as MessageRecord);
      expect(posts.length).toBeGreaterThanOrEqual(3);
      const first = posts[0] as MessageRecord;
      if (first.text?.startsWith('#接龙')) {
        kinds.jielong++;
        const lines = posts.map((p) => p.text?.split('\n').filter((l) => /^\d+\. /.test(l)).length ?? 0);
        for (let i = 1; i < lines.length; i++)
          expect(lines[i]).toBeGreaterThanOrEqual(lines[i - 1] as number);
        expect(lines[lines.length - 1]).toBe(
          posts.length - (lines[lines.length - 1] === lines[lines.length - 2] ? 1 : 0),
        );
      } else if (first.type === 'miniprogram') {
        kinds.card++;
        expect(new Set(posts.map((p) => p.miniprogram?.title)).size).toBe(1);
      } else {
        kinds.numberOff++;
        expect(first.text).toMatch(/报数|报个数/);
        posts.slice(1).forEach((p, i) => {
          expect(p.text).toMatch(new RegExp(`^${i + 1}([.、 ]|$)`));
        });
      }
    }
    expect(kinds.jielong).toBeGreaterThanOrEqual(4);
    expect(kinds.card).toBeGreaterThanOrEqual(4);
    expect(kinds.numberOff).toBeGreaterThanOrEqual(4);
  });

  it('plants system lines (拍一拍, joins, renames), stickers and recalls outside the truth', () => {
    const system = messages.filter((m) => m.type === 'system').map((m) => m.text ?? '');
    expect(system.some((s) => s.includes('拍了拍'))).toBe(true);
    expect(system.some((s) => s.includes('加入了群聊'))).toBe(true);
    expect(system.some((s) => s.includes('修改群名为'))).toBe(true);
    const truthIds = new Set([
      ...truth.ackFloods.flatMap((f) => f.messageIds),
      ...truth.likeSpam.flatMap((f) => f.messageIds),
      ...truth.duplicates.flatMap((f) => f.messageIds),
    ]);
    for (const m of messages) {
      if (m.type === 'system' || m.type === 'recalled' || m.type === 'emoticon')
        expect(truthIds.has(m.id)).toBe(false);
    }
  });
});
