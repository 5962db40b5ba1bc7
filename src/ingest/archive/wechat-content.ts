/**
 * A raw PC-client message (type, sub type, StrContent as the MSG table holds it) → qingqun's type and
 * details, for exports that keep the raw content (WeChatMsg/留痕). Images and stickers carry their
 * MD5 and size as XML attributes; app messages (49) an `<appmsg>` with title, url, des, md5 and
 * sourcedisplayname — when the export has it at all (newer clients keep it compressed elsewhere, and
 * WeChatMsg's CSV leaves StrContent empty; then only the type survives). Recalls are 10002 sysmsgs
 * naming the recalled server id, or 10000 lines saying 撤回了一条消息 (id unknown).
 */
import type { MessageFields } from './archive-item.js';
import { type MappedType, mapWechatType, recallOrSystem } from './wechat-raw-type.js';
import { revokedMessageId, xmlAttr, xmlText } from './wechat-xml.js';

export type WechatDetails = Pick<MessageFields, 'type' | 'text' | 'link' | 'file' | 'miniprogram'> & {
  mapped: MappedType;
};

const int = (v: string | null) => (v !== null && /^\d{1,15}$/.test(v) ? Number(v) : null);

export function wechatContent(type: number, subType: number, content: string): WechatDetails {
  const xml = content.includes('<') ? content : '';
  const appType = type === 49 && subType === 0 ? int(xmlText(xml, 'type', 'appmsg')) : null;
  const mapped = mapWechatType(type, appType ?? subType);
  const app = (tag: string) => xmlText(xml, tag, 'appmsg');
  const plain = xml === '' && content !== '' ? content : null;
  switch (mapped.type) {
    case 'text':
      return { mapped, type: 'text', text: type === 49 ? (app('title') ?? plain) : content };
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
    default:
      return { mapped, type: mapped.type, text: plain };
  }
}
