/**
 * A raw PC-client message (type, sub type, StrContent as the MSG table holds it) → qingqun's type and
 * details, for exports that keep the raw content (WeChatMsg/留痕). Images and stickers carry their
 * MD5 and size as XML attributes; app messages (49) an `<appmsg>` with title, url, des, md5 and
 * sourcedisplayname — when the export has it at all (newer clients keep it compressed elsewhere, and
 * WeChatMsg's CSV leaves StrContent empty; then only the type survives). Recalls are 10002 sysmsgs
 * naming the recalled server id, or 10000 lines saying 撤回了一条消息 (id unknown). Native 接龙 (49/53)
 * is a roll-call post, 群公告 (49/87) a text notice and a quote reply (49/57) its reply with the
 * quoted message apart (wechat-app-message.ts), whatever the export kept of their XML.
 */
import type { MessageFields } from './archive-item.js';
import { announcementText, recordItemsText, referMsgQuote, rollCallText } from './wechat-app-message.js';
import { type MappedType, mapWechatType, recallOrSystem } from './wechat-raw-type.js';
import { revokedMessageId, xmlAttr, xmlText } from './wechat-xml.js';

export type WechatDetails = Pick<
  MessageFields,
  'type' | 'text' | 'link' | 'file' | 'miniprogram' | 'quote'
> & {
  mapped: MappedType;
};

const int = (v: string | null) => (v !== null && /^\d{1,15}$/.test(v) ? Number(v) : null);

export function wechatContent(type: number, subType: number, content: string): WechatDetails {
  const xml = content.includes('<') ? content : '';
  const appType = type === 49 && subType === 0 ? int(xmlText(xml, 'type', 'appmsg')) : null;
  const sub = appType ?? subType;
  const mapped = mapWechatType(type, sub);
  const app = (tag: string) => xmlText(xml, tag, 'appmsg');
  const plain = xml === '' && content !== '' ? content : null;
  switch (mapped.type) {
    case 'text':
      if (type !== 49) return { mapped, type: 'text', text: content };
      // WeChatMsg's CSV leaves StrContent empty for these: the type alone says what they were.
      if (sub === 53) return { mapped, type: 'text', text: rollCallText(app('title')) };
      if (sub === 87) return { mapped, type: 'text', text: announcementText(xml) ?? plain };
      if (sub === 57) return { mapped, type: 'text', text: app('title') ?? plain, quote: referMsgQuote(xml) };
      return { mapped, type: 'text', text: app('title') ?? plain };
    case 'image':
      return {
        mapped,
        type: 'image',
        file: { sha256: xmlAttr(xml, 'img', 'md5'), size: int(xmlAttr(xml, 'img', 'length')) },
      };
    case 'emoticon':
      return {
        mapped,
        type: 'emoticon',
        file: { sha256: xmlAttr(xml, 'emoji', 'md5'), size: int(xmlAttr(xml, 'emoji', 'len')) },
      };
    case 'link':
      return {
        mapped,
        type: 'link',
        link: { title: app('title'), url: app('url'), description: app('des') },
      };
    case 'file':
      return {
        mapped,
        type: 'file',
        file: { name: app('title'), size: int(app('totallen')), sha256: app('md5') },
      };
    case 'miniprogram':
      return {
        mapped,
        type: 'miniprogram',
        miniprogram: { title: app('title'), appName: app('sourcedisplayname') },
      };
    case 'system': {
      if (type === 49) return { mapped, type: 'system', text: app('title') ?? plain };
      const revoked = revokedMessageId(xml);
      if (revoked !== null) return { mapped, type: 'recalled', text: revoked };
      const line = xml
        ? (xmlText(xml, 'replacemsg') ?? xmlText(xml, 'content') ?? xmlText(xml, 'template'))
        : content;
      if (recallOrSystem(line) === 'recalled') return { mapped, type: 'recalled', text: null };
      return { mapped, type: 'system', text: line === '' ? null : line };
    }
    default: {
      // A merged forward keeps the forwarded text: it is most often a notice passed on.
      const forwarded = type === 49 && sub === 19 ? recordItemsText(xml) : null;
      if (forwarded !== null) return { mapped, type: 'text', text: forwarded };
      return { mapped, type: mapped.type, text: plain };
    }
  }
}
