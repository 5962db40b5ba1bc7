import { describe, expect, it } from 'vitest';
import { normaliseUrl } from '../../src/text/notice-form.js';

const ARTICLE = 'mp.weixin.qq.com/s?__biz=MzA5&idx=1&mid=2650&sn=abc123';

describe('normaliseUrl', () => {
  it.each([
    ['the article itself', `https://${ARTICLE}`],
    [
      'WeChat share parameters',
      'https://mp.weixin.qq.com/s?__biz=MzA5&mid=2650&idx=1&sn=abc123&chksm=ff&scene=21&sessionid=9&clicktime=1&enterid=2&isappinstalled=0&from=timeline#wechat_redirect',
    ],
    ['parameters in another order', 'http://mp.weixin.qq.com/s?sn=abc123&idx=1&mid=2650&__biz=MzA5#rd'],
    ['key and uin of a logged-in reader', `https://${ARTICLE}&key=secret&uin=MTIz&pass_ticket=x&wx_header=1`],
  ])('WeChat article: %s', (_name, url) => {
    expect(normaliseUrl(url)).toBe(ARTICLE);
  });

  it.each([
    ['utm parameters', 'https://www.gov.cn/zhengce/2026-11/20/content_1.htm?utm_source=wx&utm_medium=share'],
    [
      'share and spm parameters',
      'https://WWW.GOV.CN/zhengce/2026-11/20/content_1.htm?share_token=1&spm=a.b&sharer_sharetime=3',
    ],
    ['a trailing fragment', 'https://www.gov.cn/zhengce/2026-11/20/content_1.htm#top'],
  ])('site page: %s', (_name, url) => {
    expect(normaliseUrl(url)).toBe('www.gov.cn/zhengce/2026-11/20/content_1.htm');
  });

  it.each([
    [
      'another WeChat article (mid)',
      `https://${ARTICLE}`,
      'https://mp.weixin.qq.com/s?__biz=MzA5&mid=2651&idx=1&sn=abc123',
    ],
    ['another page id', 'https://x.gov.cn/a?id=1&from=wx', 'https://x.gov.cn/a?id=2&from=wx'],
    ['a client-side route', 'https://x.gov.cn/#/notice/1', 'https://x.gov.cn/#/notice/2'],
  ])('keeps apart: %s', (_name, a, b) => {
    expect(normaliseUrl(a)).not.toBe(normaliseUrl(b));
  });

  it('returns null for blank input and a lower-cased string for what is no URL', () => {
    expect(normaliseUrl('  ')).toBeNull();
    expect(normaliseUrl('http://[bad')).toBe('http://[bad');
  });
});
