import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { photoProofDetector } from '../../src/analysis/photo-proof.js';
import type { StoredMessage } from '../../src/model/message.js';
import { isPhotoDemand } from '../../src/text/demands.js';
import { detectorContext, message, messages, weekData } from './fixtures/week-data-factory.js';

const run = (list: StoredMessage[]) => photoProofDetector.run(detectorContext(weekData(list)), {});
const IMAGE = { type: 'image' as const };

interface Case {
  name: string;
  messages: StoredMessage[];
  /** Expected demands: [demand index, ...image indexes] and whether each is a flood. */
  demands: number[][];
  floods: boolean[];
}
const cases: Case[] = [];
const add = (c: Case) => cases.push(c);

add({
  name: 'a check-in demand answered by a flood of images',
  messages: messages([
    ['11-17 09:00', 'boss', '请各村今天入户走访后拍照打卡，照片发群里'],
    ['11-17 09:01', 'boss', null, IMAGE],
    ['11-17 10:00', 'a', null, IMAGE],
    ['11-17 10:05', 'b', null, IMAGE],
    ['11-17 10:06', 'b', null, IMAGE],
    ['11-17 10:10', 'x', '收到'],
    ['11-17 11:00', 'c', null, IMAGE],
  ]),
  demands: [[0, 2, 3, 4, 6]],
  floods: [true],
});
add({
  name: 'a demand with few images is still reported; the next (traditional) demand takes later images',
  messages: messages([
    ['11-17 09:00', 'office', '学习强国今日答题后截图上传到本群'],
    ['11-17 09:30', 'a', null, IMAGE],
    ['11-18 09:00', 'office', '請各位把值班簽到表拍照發到群裡'],
    ['11-18 09:10', 'b', null, IMAGE],
    ['11-18 09:11', 'c', null, IMAGE],
    ['11-18 09:12', 'd', null, IMAGE],
  ]),
  demands: [
    [0, 1],
    [2, 3, 4, 5],
  ],
  floods: [false, true],
});
{
  const msgs = messages([
    ['11-17 09:00', 'office', '请各站所将整改前后照片留痕，发至群里'],
    ['11-17 09:10', 'a', null, IMAGE],
    ['11-17 09:11', 'b', null, IMAGE],
    ['11-17 09:12', 'c', null, IMAGE],
    ['11-17 14:00', 'd', null, IMAGE],
  ]);
  const recall = message({
    at: '11-17 09:13',
    from: 'c',
    type: 'recalled',
    text: (msgs[3] as StoredMessage).id,
  });
  add({
    name: 'recalled images and images after the window do not count',
    messages: [...msgs, recall],
    demands: [[0, 1, 2]],
    floods: [false],
  });
}
add({
  name: 'hard negatives: negated proof, photos without posting, a reply mentioning screenshots',
  messages: messages([
    ['11-17 09:00', 'office', '本次检查无需拍照，请勿将照片发群里'],
    ['11-17 09:05', 'a', null, IMAGE],
    ['11-17 10:00', 'office', '附件为上周活动照片，供大家参考'],
    ['11-17 10:05', 'b', '收到'],
    ['11-17 11:00', 'x', '截图发群里了吗？'],
  ]),
  demands: [],
  floods: [],
});

describe('photoProofDetector', () => {
  it.each(cases)('$name', ({ messages: msgs, demands, floods }) => {
    const found = run(msgs);
    expect(found.map((f) => [f.demandMessageId, ...f.messageIds])).toEqual(
      demands.map((d) => d.map((i) => (msgs[i] as StoredMessage).id)),
    );
    expect(found.map((f) => f.flood)).toEqual(floods);
  });

  it('counts distinct senders', () => {
    expect(run(cases[0]?.messages ?? [])[0]?.senders).toBe(3);
  });

  it('never throws on any text and stays linear', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (s) => {
        expect(typeof isPhotoDemand(s)).toBe('boolean');
      }),
    );
    expect(isPhotoDemand(`${'截图'.repeat(1_000)}发群里`)).toBe(true);
    expect(isPhotoDemand(`${'截图'.repeat(25_000)}发群里`)).toBe(false); // beyond the scanned head
    expect(isPhotoDemand('无需截图'.repeat(12_000))).toBe(false);
  });
});
