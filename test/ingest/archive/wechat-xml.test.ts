import { describe, expect, it } from 'vitest';
import { revokedMessageId, xmlAttr, xmlText } from '../../../src/ingest/archive/wechat-xml.js';

const APPMSG =
  '<?xml version="1.0"?><msg><appmsg appid="" sdkver="0"><title><![CDATA[通知 <一> & 说明]]></title>' +
  '<des>各社区&amp;各单位&#x4E00;&#20108;</des><type>5</type><url>https://a.cn/?x=1&amp;y=2</url>' +
  '<titlex>not me</titlex><appattach><totallen>123</totallen></appattach></appmsg>' +
  '<img aeskey="k" md5="ABC" length="70961" cdnthumbmd5="zzz"/></msg>';

describe('xmlText', () => {
  it.each([
    ['CDATA kept as is', 'title', undefined, '通知 <一> & 说明'],
    ['entities decoded', 'des', undefined, '各社区&各单位一二'],
    ['entity in a URL', 'url', undefined, 'https://a.cn/?x=1&y=2'],
    ['a longer tag name is another element', 'titlex', undefined, 'not me'],
    ['nested element', 'totallen', 'appattach', '123'],
    ['inside a named element', 'type', 'appmsg', '5'],
  ])('%s', (_, tag, within, expected) => {
    expect(xmlText(APPMSG, tag, within)).toBe(expected);
  });

  it.each([
    ['missing element', 'md5'],
    ['self-closing element', 'img'],
    ['unclosed element', 'msgx'],
  ])('null for a %s', (_, tag) => {
    expect(xmlText(`${APPMSG}<msgx>open`, tag)).toBeNull();
  });

  it('null when the container is missing, and for empty text', () => {
    expect(xmlText(APPMSG, 'type', 'sysmsg')).toBeNull();
    expect(xmlText('<a><b>  </b></a>', 'b')).toBeNull();
  });
});

describe('xmlAttr', () => {
  it('reads an attribute, not one whose name merely ends the same way', () => {
    expect(xmlAttr(APPMSG, 'img', 'md5')).toBe('ABC');
    expect(xmlAttr(APPMSG, 'img', 'length')).toBe('70961');
    expect(xmlAttr('<img thumbmd5="x" md5 = \'y\'/>', 'img', 'md5')).toBe('y');
    expect(xmlAttr('<img thumbmd5="x"/>', 'img', 'md5')).toBeNull();
    expect(xmlAttr(APPMSG, 'emoji', 'md5')).toBeNull();
  });
});

describe('revokedMessageId', () => {
  it('finds the recalled server id in a revokemsg, and nothing elsewhere', () => {
    const revoke =
      '<sysmsg type="revokemsg"><revokemsg><session>1@chatroom</session><msgid>9</msgid>' +
      '<newmsgid>7253964913452716049</newmsgid><replacemsg><![CDATA["李娜" 撤回了一条消息]]></replacemsg></revokemsg></sysmsg>';
    expect(revokedMessageId(revoke)).toBe('7253964913452716049');
    expect(
      revokedMessageId('<sysmsg type="revokemsg"><revokemsg><msgid>42</msgid></revokemsg></sysmsg>'),
    ).toBe('42');
    expect(revokedMessageId('<sysmsg type="pat"><pat><template>拍了拍</template></pat></sysmsg>')).toBeNull();
    expect(revokedMessageId('"李娜" 撤回了一条消息')).toBeNull();
  });

  it('stays linear on adversarial input (many unclosed tags)', () => {
    const evil = '<revokemsg><newmsgid>'.repeat(20_000);
    expect(revokedMessageId(evil)).toBeNull();
    expect(xmlText('<title><![CDATA['.repeat(20_000), 'title')).toBeNull();
  });
});
