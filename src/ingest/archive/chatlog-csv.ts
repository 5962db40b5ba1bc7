/**
 * chatlog CSV files, in either of chatlog's two column sets:
 * - `Time,SenderName,Sender,TalkerName,Talker,Content` (HTTP API `format=csv`): no type column, the
 *   content is chatlog's plain-text rendering (`![图片](…/image/MD5)`, `[链接|TITLE](URL)`,
 *   `[文件|NAME](…/file/MD5)`, `[小程序|APP](URL)`, `[动画表情]`, `Type: N Content: …`), read back here;
 * - `Time,Talker,TalkerName,Sender,SenderName,IsSelf,Type,TypeDesc,Content` (`chatlog export`): the raw
 *   type, its Chinese description (which names the app sub type) and the raw content.
 * Times are local (`2006-01-02 15:04:05`). There is no message id: ids are synthetic (SyntheticIds),
 * stored under source `chatlog-csv` so they never meet chatlog JSON's `talker#seq` ids. Only group
 * conversations (talker `…@chatroom`) are stored.
 */
import { type ArchiveItem, buildMessage, type MessageFields, nonEmpty } from './archive-item.js';
import { renderedMd5 } from './chatlog-message.js';
import type { ReadContext } from './read-context.js';
import { readCsvFile } from './read-csv-file.js';
import { SyntheticIds } from './synthetic-ids.js';
import { isWechatXml, rollCallText } from './wechat-app-message.js';
import { mapWechatType, recallOrSystem } from './wechat-raw-type.js';
import { xmlText } from './wechat-xml.js';

/** A data row begins with its time (`2006-01-02 15:04:05,`), after a `MessageID,` (its seq) in newer versions. */
const ROW_START = /^(?:\d{1,20},)?\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}[^,"\n]{0,10},/;

type Details = Pick<MessageFields, 'type' | 'text' | 'link' | 'file' | 'miniprogram' | 'quote'> & {
  raw: string;
  unknown?: boolean;
};

const DESC_SUBTYPES: Record<string, number> = {
  链接分享: 5,
  文件: 6,
  合并转发: 19,
  小程序: 33,
  视频号: 51,
  引用消息: 57,
  拍一拍: 62,
};
/** `NAME(ID) MM-DD hh:mm:ss`, the first line chatlog renders for a quoted message (a `[SEQ] ` may follow ID). */
const QUOTE_HEAD = /^(.{0,60}?)\(([^()\s]{1,80})\) (?:\[\d{1,20}\] )?\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

const PLAIN: Record<string, Details> = {
  '[动画表情]': { type: 'emoticon', raw: '47' },
  '[GIF表情]': { type: 'emoticon', raw: '49/8' },
  '[语音]': { type: 'other', raw: '34' },
  '[名片]': { type: 'other', raw: '42' },
  '[语音通话]': { type: 'other', raw: '50' },
  '[小程序]': { type: 'miniprogram', raw: '49/33' },
  '[视频号]': { type: 'other', raw: '49/51' },
  '[群公告]': { type: 'system', raw: '49/87' },
  '[红包]': { type: 'other', raw: '49/2001' },
  '[红包封面]': { type: 'other', raw: '49/2003' },
  '[合并转发]': { type: 'other', raw: '49/19' },
  '[分享]': { type: 'other', raw: '49' },
};

/** `[KIND|A|B](URL)` → [A, B, URL] without a regex (titles may hold any character). */
function card(content: string, kind: string): [string, string | null, string] | null {
  const head = `[${kind}|`;
  if (!content.startsWith(head) || !content.endsWith(')')) return null;
  const mid = content.lastIndexOf('](');
  if (mid < head.length) return null;
  const inner = content.slice(head.length, mid);
  const bar = kind === '分享' ? inner.indexOf('|') : -1;
  return [
    bar === -1 ? inner : inner.slice(0, bar),
    bar === -1 ? null : inner.slice(bar + 1),
    content.slice(mid + 2, -1),
  ];
}

/** Reads chatlog's plain-text rendering back into a type and details. */
export function readPlainContent(content: string): Details {
  const plain = PLAIN[content];
  if (plain) return plain;
  if (content.startsWith('![图片](') && content.endsWith(')'))
    return { type: 'image', raw: '3', file: { sha256: renderedMd5(content) } };
  if (content.startsWith('![视频](') || content.startsWith('[语音]('))
    return { type: 'other', raw: content.startsWith('!') ? '43' : '34' };
  for (const [kind, raw] of [
    ['链接', '49/5'],
    ['分享', '49/4'],
  ] as const) {
    const c = card(content, kind);
    if (c) return { type: 'link', raw, link: { title: c[0], description: c[1], url: c[2] } };
  }
  const file = card(content, '文件');
  if (file) return { type: 'file', raw: '49/6', file: { name: file[0], sha256: renderedMd5(file[2]) } };
  const app = card(content, '小程序');
  if (app) return { type: 'miniprogram', raw: '49/33', miniprogram: { appName: app[0] } };
  if (card(content, '视频号')) return { type: 'other', raw: '49/51' };
  if (content.startsWith('[转账|')) return { type: 'other', raw: '49/2000' };
  const typed = /^Type: (\d{1,12}) Content:/.exec(content);
  if (typed) return { type: 'other', raw: typed[1] as string, unknown: true };
  if (content.startsWith('> ')) {
    // A quote reply (message.go PlainTextContent, 49/57): the quoted message's own rendering, each
    // line prefixed "> " (`> NAME(ID) MM-DD hh:mm:ss`, then its content), then the reply.
    const lines = content.split('\n');
    const quoted = lines.filter((l) => l.startsWith('> ')).map((l) => l.slice(2));
    const reply = lines.filter((l) => !l.startsWith('> ')).join('\n');
    // Nothing after the quoted lines: a plain text that happens to start with "> ".
    if (reply !== '') {
      const head = QUOTE_HEAD.exec(quoted[0] ?? '');
      const quote = head
        ? {
            senderName: head[1] ?? null,
            senderId: head[2] ?? null,
            excerpt: quoted.slice(1).join('\n') || null,
          }
        : { excerpt: quoted.join('\n') || null };
      return { type: 'text', raw: '49/57', text: reply, quote };
    }
  }
  return { type: 'text', raw: '1', text: content };
}

function typedContent(type: string, desc: string, content: string): Details {
  const base = Number(type);
  const fromDesc = /^应用消息\((\d{1,6})\)$/.exec(desc);
  const sub = base === 49 ? (DESC_SUBTYPES[desc] ?? (fromDesc ? Number(fromDesc[1]) : 0)) : 0;
  const mapped = mapWechatType(base, sub);
  if (base === 49 && sub === 53) {
    // Native 接龙: a roll-call post, its list in the title when the row kept the appmsg XML.
    const title = isWechatXml(content) ? xmlText(content, 'title', 'appmsg') : null;
    return { type: 'text', raw: mapped.raw, text: rollCallText(title) };
  }
  return {
    type: mapped.type,
    raw: mapped.raw,
    unknown: mapped.unknown,
    text: content === '' ? null : content,
  };
}

export function chatlogCsvRowToItem(
  row: Record<string, string>,
  ctx: ReadContext,
  ids: SyntheticIds,
): ArchiveItem {
  const talker = nonEmpty(row.Talker);
  if (!talker) return { kind: 'problem', field: 'Talker', problem: 'required' };
  if (!talker.endsWith('@chatroom')) return { kind: 'skip', reason: 'private' };
  const time = ctx.time.parse(row.Time);
  if (!time.ok) return { kind: 'problem', field: 'Time', problem: time.problem };
  const content = row.Content ?? '';
  const rawSender = nonEmpty(row.Sender);
  const system = rawSender === '系统消息' || (row.Type !== undefined && row.Type === '10000');
  let d: Details =
    row.Type !== undefined ? typedContent(row.Type, row.TypeDesc ?? '', content) : readPlainContent(content);
  if (system)
    d = {
      type: recallOrSystem(content),
      raw: '10000',
      text: recallOrSystem(content) === 'recalled' ? null : content,
    };
  const { raw, unknown, ...fields } = d;
  // `chatlog export` marks the exporting account's rows with IsSelf (WeChat 3.x leaves their sender empty).
  const self = row.IsSelf === 'true' || row.IsSelf === '1';
  const senderId = system ? null : (rawSender ?? (self ? ctx.selfId : null));
  // Newer chatlog versions write the message's seq first (`MessageID`): the same id as its JSON, so the
  // CSV and JSON copies of a message are one message (source `chatlog`, a second copy a duplicate).
  const seq = nonEmpty(row.MessageID ?? row.Seq);
  const bySeq = seq !== null && /^\d{1,20}$/.test(seq);
  const id = bySeq ? `${talker}#${seq}` : ids.next(`${talker}#`, [time.time, rawSender, content]);
  const source = bySeq ? 'chatlog' : ctx.source;
  return {
    kind: 'message',
    message: buildMessage({ source, id, groupId: talker, senderId, time: time.time, ...fields }),
    rawType: raw,
    unknown: unknown ?? false,
    groupName: nonEmpty(row.TalkerName),
    senderName: nonEmpty(row.SenderName),
    sameIdIsSame: bySeq,
  };
}

export async function readChatlogCsv(ctx: ReadContext): Promise<number> {
  const ids = new SyntheticIds();
  const info = await readCsvFile(
    ctx.file,
    (r) => {
      if ('problem' in r) ctx.sink.problem(r.line, 'line', r.problem, 'messages');
      else ctx.sink.add(r.line, chatlogCsvRowToItem(r.row, ctx, ids));
    },
    { recordStart: ROW_START },
  );
  return info.lines;
}
