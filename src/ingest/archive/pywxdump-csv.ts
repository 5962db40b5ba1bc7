/**
 * PyWxDump CSV (`id,MsgSvrID,type_name,is_sender,talker,room_name,msg,src,CreateTime`; UTF-8, one
 * file per 5,000 messages of a chat). `room_name` is the chat's id (`…@chatroom` for groups; others
 * are skipped as private), `talker` the sender's wxid (我 for the exporting account, 系统 for
 * official notices), CreateTime local text, MsgSvrID WeChat's server id (the message id here).
 * type_name is PyWxDump's Chinese name for the raw (type, sub type); `msg` its rendering: a link is
 * `TITLE\nDESC\n\n<a href="URL">点击查看详情</a>`, a file or image names its path in `src`, a quote
 * reply is `REPLY\n\n[引用](…)…`, other app messages just repeat type_name. A raw 10002 sysmsg shows up
 * as 未知 with its XML in `msg`, which names the recalled message.
 *
 * Older PyWxDump versions (still in circulation) wrote 8 columns,
 * `id,MsgSvrID,type_name,is_sender,talker,room_name,content,CreateTime`, where `content` is
 * `json.dumps({"src": …, "msg": …})` (the older `export_csv` of PyWxDump); it is read into the same
 * `msg` and `src`. A native 接龙 is only `接龙` (PyWxDump drops its title): a roll-call post without its
 * list. 群公告 keeps whatever text PyWxDump wrote, as a notice. CSVs re-saved by a spreadsheet write
 * times like `2024/10/4 11:43`, read as local time (archive-time.ts).
 */
import { type ArchiveItem, buildMessage, type MessageFields, nonEmpty } from './archive-item.js';
import type { ReadContext } from './read-context.js';
import { readCsvFile } from './read-csv-file.js';
import { rollCallText } from './wechat-app-message.js';
import { recallOrSystem } from './wechat-raw-type.js';
import { revokedMessageId } from './wechat-xml.js';

type Kind = MessageFields['type'] | 'quote' | 'maybe-recall' | 'roll-call' | 'announcement';

const TYPES: Record<string, Kind> = {
  文本: 'text',
  粘贴的文本: 'text',
  类似文字消息而不一样的消息: 'text',
  类文本消息: 'text',
  接龙: 'roll-call',
  引用回复: 'quote',
  带有引用的文本消息: 'quote',
  带有引用的文本: 'quote',
  图片: 'image',
  动画表情: 'emoticon',
  用户上传的GIF表情: 'emoticon',
  '用户上传的 GIF 表情': 'emoticon',
  上传的GIF表情: 'emoticon',
  '(分享)卡片式链接': 'link',
  卡片式链接: 'link',
  文件: 'file',
  '文件(猜)': 'file',
  '(分享)小程序': 'miniprogram',
  分享的小程序: 'miniprogram',
  系统通知: 'maybe-recall',
  拍一拍: 'system',
  邀请加群: 'system',
  群公告: 'announcement',
  语音: 'other',
  视频: 'other',
  位置: 'other',
  语音通话: 'other',
  添加好友: 'other',
  推荐公众号: 'other',
  '(分享)音乐': 'other',
  游戏相关: 'other',
  位置共享: 'other',
  合并转发的聊天记录: 'other',
  合并转发聊天记录: 'other',
  '(分享)笔记': 'other',
  '(分享)收藏夹': 'other',
  '(分享)小说(猜)': 'other',
  '(分享)视频号名片': 'other',
  '(分享)视频号视频': 'other',
  视频号直播或直播回放: 'other',
  视频号直播或直播回放等: 'other',
  视频号直播或回放等: 'other',
  转账: 'other',
  转账消息: 'other',
  赠送红包封面: 'other',
  红包封面: 'other',
  '企业微信打招呼(猜)': 'other',
  '企业微信添加好友(猜)': 'other',
};

const SELF = '我';
/** A data row begins `id,MsgSvrID,type_name,is_sender,` (read-csv-file.ts: a stray `"` costs one row). */
const ROW_START = /^"?\d{1,12}"?,"?-?\d{0,20}"?,"?[^,"\n]{1,40}"?,"?[01]?"?,/;
const NO_SENDER = new Set(['系统', '未知', '']);

function details(
  typeName: string,
  msg: string,
  src: string,
): Omit<MessageFields, 'source' | 'id' | 'groupId' | 'senderId' | 'time'> & { unknown: boolean } {
  const kind: Kind | undefined = /^消息撤回\d{0,4}$/.test(typeName) ? 'recalled' : TYPES[typeName];
  const fileName = src === '' ? null : (src.split(/[\\/]/).pop() ?? null);
  const body = msg === typeName ? null : msg || null; // other app messages just repeat their type name
  switch (kind) {
    case undefined: {
      const revoked = revokedMessageId(msg);
      if (revoked !== null) return { type: 'recalled', text: revoked, unknown: false };
      return { type: 'other', text: null, unknown: true };
    }
    case 'quote':
      // The reply, then `[引用]…`; the quoted message is not identified in a form worth keeping, but the
      // message is marked a quote reply (an empty quote) so nothing re-reads the reply as a quote.
      return {
        type: 'text',
        text: msg.split('\n\n[引用]')[0] ?? msg,
        quote: { messageId: null, senderId: null, senderName: null, excerpt: null },
        unknown: false,
      };
    case 'maybe-recall':
      return recallOrSystem(msg) === 'recalled'
        ? { type: 'recalled', text: null, unknown: false }
        : { type: 'system', text: body, unknown: false };
    case 'recalled':
      return { type: 'recalled', text: revokedMessageId(msg), unknown: false };
    case 'link': {
      const [title, description] = msg.split('\n');
      const href = /<a href="([^"]{0,4000})">/.exec(msg)?.[1] ?? null;
      return {
        type: 'link',
        link: { title: title || null, description: description || null, url: src || href },
        unknown: false,
      };
    }
    case 'file':
      return {
        type: 'file',
        file: { name: fileName ?? (msg === '' || msg === typeName ? null : msg) },
        unknown: false,
      };
    case 'image':
    case 'emoticon':
      return { type: kind, file: kind === 'image' && fileName ? { name: fileName } : null, unknown: false };
    case 'miniprogram':
      return { type: 'miniprogram', miniprogram: { title: body }, unknown: false };
    case 'roll-call':
      return { type: 'text', text: rollCallText(body), unknown: false };
    case 'announcement':
      return body === null
        ? { type: 'system', text: null, unknown: false }
        : { type: 'text', text: body, unknown: false };
    case 'text':
    case 'system':
      return { type: kind, text: body, unknown: false };
    default:
      return { type: 'other', text: null, unknown: false };
  }
}

/** The 8-column layout's `content`: JSON `{"src", "msg"}`; anything else is taken as the text. */
function legacyContent(content: string | undefined): { msg: string; src: string } {
  if (content === undefined || content === '') return { msg: '', src: '' };
  try {
    const value = JSON.parse(content) as unknown;
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      const v = value as Record<string, unknown>;
      const text = (x: unknown) => (typeof x === 'string' ? x : typeof x === 'number' ? String(x) : '');
      return { msg: text(v.msg), src: text(v.src) };
    }
    if (typeof value === 'string') return { msg: value, src: '' };
  } catch {
    // not JSON: a hand-edited file
  }
  return { msg: content, src: '' };
}

export function pywxdumpRowToItem(
  row: Record<string, string>,
  ctx: ReadContext,
  ids: Set<string>,
): ArchiveItem {
  const room = nonEmpty(row.room_name);
  if (!room) return { kind: 'problem', field: 'room_name', problem: 'required' };
  if (!room.endsWith('@chatroom')) return { kind: 'skip', reason: 'private' };
  const time = ctx.time.parse(row.CreateTime);
  if (!time.ok) return { kind: 'problem', field: 'CreateTime', problem: time.problem };
  const typeName = (row.type_name ?? '').trim();
  const { msg, src } =
    row.msg !== undefined ? { msg: row.msg, src: row.src ?? '' } : legacyContent(row.content);
  const { unknown, ...d } = details(typeName, msg, src.trim());
  const svr = nonEmpty(row.MsgSvrID);
  // MsgSvrID is 0 for messages that never reached the server; fall back to the export's row id.
  const id = svr && svr !== '0' && !ids.has(svr) ? svr : `${room}:${time.time}:${nonEmpty(row.id) ?? ''}`;
  ids.add(id);
  const talker = (row.talker ?? '').trim();
  const sender = talker === SELF ? ctx.selfId : NO_SENDER.has(talker) ? null : talker;
  return {
    kind: 'message',
    message: buildMessage({ source: ctx.source, id, groupId: room, senderId: sender, time: time.time, ...d }),
    rawType: typeName || '(empty)',
    unknown,
  };
}

export async function readPywxdumpCsv(ctx: ReadContext): Promise<number> {
  const ids = new Set<string>();
  const info = await readCsvFile(
    ctx.file,
    (r) => {
      if ('problem' in r) ctx.sink.problem(r.line, 'line', r.problem, 'messages');
      else ctx.sink.add(r.line, pywxdumpRowToItem(r.row, ctx, ids));
    },
    { recordStart: ROW_START },
  );
  return info.lines;
}
