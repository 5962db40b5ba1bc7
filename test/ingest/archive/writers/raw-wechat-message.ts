/**
 * A message as the WeChat PC client's MSG table holds it (Type, SubType, StrContent), for the writers
 * of formats that keep raw rows (WeChatMsg; chatlog's types). App messages carry an `<appmsg>`, images
 * and stickers an element with md5 and size attributes, a recall a 10002 `revokemsg` naming the
 * recalled message's server id (ids are mapped to numbers, as WeChat's are).
 */
import type { MessageRecord } from '../../../../src/model/interchange.js';
import { md5Of, type NumericIds, shownText } from './archive-source.js';

export interface RawWechat {
  type: number;
  subType: number;
  content: string;
}

export function xmlEscape(text: string): string {
  return text.replace(
    /[<>&"']/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] as string,
  );
}

function appmsg(subType: number, fields: Record<string, string | number | null | undefined>): string {
  const inner = Object.entries(fields)
    .filter(([, v]) => v !== null && v !== undefined && v !== '')
    .map(([k, v]) =>
      k === 'totallen'
        ? `<appattach><totallen>${v}</totallen></appattach>`
        : `<${k}>${xmlEscape(String(v))}</${k}>`,
    )
    .join('');
  return `<?xml version="1.0"?>\n<msg><appmsg appid="" sdkver="0">${inner}<type>${subType}</type></appmsg></msg>`;
}

export function toRawWechat(m: MessageRecord, ids: NumericIds, recallerName: string): RawWechat {
  switch (m.type) {
    case 'text':
      return { type: 1, subType: 0, content: shownText(m) };
    case 'image':
      return {
        type: 3,
        subType: 0,
        content: `<?xml version="1.0"?>\n<msg><img md5="${md5Of(m)}" length="${m.file?.size ?? 0}" /></msg>`,
      };
    case 'emoticon':
      return { type: 47, subType: 0, content: `<msg><emoji md5="${md5Of(m)}" len="0" /></msg>` };
    case 'link':
      return {
        type: 49,
        subType: 5,
        content: appmsg(5, { title: m.link?.title, des: m.link?.description, url: m.link?.url }),
      };
    case 'file':
      return {
        type: 49,
        subType: 6,
        content: appmsg(6, { title: m.file?.name, totallen: m.file?.size, md5: md5Of(m) }),
      };
    case 'miniprogram':
      return {
        type: 49,
        subType: 33,
        content: appmsg(33, { title: m.miniprogram?.title, sourcedisplayname: m.miniprogram?.appName }),
      };
    case 'recalled': {
      const recalled = m.text ? ids.of(m.text) : '0';
      const note = `"${recallerName.replaceAll(']]>', '')}" 撤回了一条消息`;
      return {
        type: 10002,
        subType: 0,
        content: `<sysmsg type="revokemsg"><revokemsg><session>${xmlEscape(m.groupId)}</session><newmsgid>${recalled}</newmsgid><replacemsg><![CDATA[${note}]]></replacemsg></revokemsg></sysmsg>`,
      };
    }
    default:
      return { type: 10000, subType: 0, content: m.text ?? '' };
  }
}
