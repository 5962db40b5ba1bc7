import { describe, expect, it } from 'vitest';
import { readPlainContent } from '../../../src/ingest/archive/chatlog-csv.js';

describe("readPlainContent (chatlog's plain-text rendering read back)", () => {
  it.each([
    [
      'image',
      '![图片](http://127.0.0.1:5030/image/50de84b64e3a3a61b2ade7ae8a6b93b4,abc)',
      { type: 'image', file: { sha256: '50de84b64e3a3a61b2ade7ae8a6b93b4' } },
    ],
    [
      'image without an md5',
      '![图片](http://127.0.0.1:5030/image/Image/2026-11/x.dat)',
      { type: 'image', file: { sha256: null } },
    ],
    [
      'link with ] and | in its title',
      '[链接|通知[2026]|第3号](https://a.cn/s?x=1)',
      { type: 'link', link: { title: '通知[2026]|第3号', url: 'https://a.cn/s?x=1', description: null } },
    ],
    [
      'share card',
      '[分享|标题|描述](https://a.cn)',
      { type: 'link', link: { title: '标题', description: '描述', url: 'https://a.cn' } },
    ],
    [
      'file',
      '[文件|台账.xlsx](http://h/file/18e93fc2ea884df23b3d2d3b8667b9f0)',
      { type: 'file', file: { name: '台账.xlsx', sha256: '18e93fc2ea884df23b3d2d3b8667b9f0' } },
    ],
    [
      'mini program',
      '[小程序|群接龙](https://servicewechat.com/x)',
      { type: 'miniprogram', miniprogram: { appName: '群接龙' } },
    ],
    ['bare mini program', '[小程序]', { type: 'miniprogram' }],
    ['sticker', '[动画表情]', { type: 'emoticon' }],
    ['voice', '[语音](http://h/voice/1)', { type: 'other' }],
    ['unknown raw type', 'Type: 12345 Content: <x/>', { type: 'other', raw: '12345', unknown: true }],
    ['quote reply', '> 王军(wxid_1) 10:00\n> 原文\n好的', { type: 'text', text: '好的' }],
    [
      // chatlog 4.x: the md5, then the image's and its thumbnail's paths (message.go PlainTextContent)
      'image with paths after the md5',
      '![图片](http://h/image/50de84b64e3a3a61b2ade7ae8a6b93b4,msg/attach/9e2f/2026-11/Img/0123456789abcdef0123456789abcdef_W.dat)',
      { type: 'image', file: { sha256: '50de84b64e3a3a61b2ade7ae8a6b93b4' } },
    ],
    [
      'quote reply with the quoted sender',
      '> 王军(wxid_wangjun) 11-16 10:10:00\n> @所有人 今天17:00前报送\n收到',
      {
        type: 'text',
        text: '收到',
        quote: { senderName: '王军', senderId: 'wxid_wangjun', excerpt: '@所有人 今天17:00前报送' },
      },
    ],
  ])('%s', (_, content, expected) => {
    expect(readPlainContent(content)).toMatchObject(expected);
  });

  it.each([
    ['an unclosed link', '[链接|标题'],
    ['a link without its URL', '[链接|标题](https://a.cn'],
    ['an image placeholder without a URL', '![图片]'],
    ['Type: without a number', 'Type: abc Content: x'],
    ['a bracketed word', '[强]'],
    ['a text that starts with "> "', '> 同意楼上'],
    ['a text quoting only', '> 第一行\n> 第二行'],
    ['ordinary text', '@所有人 收到请回复'],
  ])('keeps %s as text, whole', (_, content) => {
    expect(readPlainContent(content)).toEqual({ type: 'text', raw: '1', text: content });
  });
});
