import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateRepeatedRequests } from '../../../scripts/eval/repeated-requests.js';
import { requestPart, sameData } from '../../../src/analysis/repeated/request-part.js';
import { configSchema } from '../../../src/config/schema.js';

const object = (text: string) => {
  const part = requestPart(text);
  expect(part, text).not.toBeNull();
  return part?.objects[0] as NonNullable<typeof part>['objects'][number];
};

describe('the data object of a request', () => {
  it('is the data noun and the words naming what it lists or counts', () => {
    expect(object('请各村（社区）于本周五前报送辖区独居老人名单。').terms).toEqual(['独居', '老人']);
    expect(object('麻烦各社区把本辖区独居老人的花名册整理一下，周四前发给卫健办。').noun).toBe('花名册');
    expect(object('请各村报送辖区内地质灾害隐患点清单').terms).toEqual(['地质灾害', '隐患点']);
  });

  it('tells the same data in other words from the same topic', () => {
    const list = object('请各村（社区）于本周五前报送辖区独居老人名单。');
    expect(sameData(list, object('麻烦各社区把本辖区独居老人的花名册整理一下，周四前发给卫健办。'))).toBe(
      true,
    );
    expect(sameData(list, object('请各社区于11月20日前报送独居老人走访情况。'))).toBe(false);
    expect(sameData(list, object('请各村（社区）报送辖区高龄老人名单。'))).toBe(false);
    expect(sameData(object('请各村上报秋冬种面积统计表'), object('请各村报送秋冬种进度表'))).toBe(false);
    // Other words for the same people: 老人 / 老年人; but a list of visits is not the list of people.
    expect(sameData(list, object('请各社区报一下独居老年人花名册'))).toBe(true);
    expect(sameData(list, object('请各社区于周五前报送独居老人走访名单'))).toBe(false);
  });

  it('is not found in chat, meeting notices or a form named in passing', () => {
    expect(requestPart('红旗村新登记的出租房有12间，明天去核一下信息。')).toBeNull();
    expect(requestPart('关于召开独居老人关爱工作推进会的通知，定于11月24日上午9点召开。')).toBeNull();
    expect(requestPart('程欣民，车辆登记表上第29行的车牌号写错了')).toBeNull();
  });
});

describe('repeated requests on the labelled set (eval/repeated-requests.yaml), through a real store', () => {
  it('finds the sets and joins no copy, same-unit, look-alike or out-of-window request', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qingqun-repeated-'));
    const result = await evaluateRepeatedRequests(configSchema.parse({}), dir);
    expect(result.sets).toBe(6);
    expect(result.setsFound).toBeGreaterThanOrEqual(5);
    expect(result.wrong).toEqual([]);
  }, 60_000);

  it('a window of one day misses the pairs asked days apart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qingqun-repeated-'));
    const config = configSchema.parse({ analysis: { repeatedRequests: { windowDays: 1 } } });
    const result = await evaluateRepeatedRequests(config, dir);
    expect(result.setsFound).toBeLessThan(3);
  }, 60_000);
});
