/**
 * Writes an organisation as PyWxDump CSV exports: `<room id>/<room id>_0_<n>.csv` per group (UTF-8,
 * CRLF), with PyWxDump's type names and renderings: a link `TITLE\nDESC\n\n<a href="URL">点击查看详情</a>`,
 * images and files named by their path in `src`, a mini program only by its type name (PyWxDump
 * keeps no title), system lines from 未知 senders, recalls as the 撤回了一条消息 line the client shows.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ArchiveTimeParser } from '../../../../src/ingest/archive/archive-time.js';
import type { MessageRecord } from '../../../../src/model/interchange.js';
import {
  type ArchiveSource,
  contactNames,
  messagesByGroup,
  NumericIds,
  safeName,
  shownText,
  type WriteResult,
} from './archive-source.js';
import { csvLine } from './csv-line.js';

function row(m: MessageRecord, month: string, recaller: string): [string, string, string] {
  switch (m.type) {
    case 'text':
      return ['文本', shownText(m), ''];
    case 'image':
      return ['图片', '图片', `FileStorage\\MsgAttach\\0\\Image\\${month}\\${m.file?.name ?? 'image.jpg'}`];
    case 'emoticon':
      return ['动画表情', '表情', 'http://emoji.qpic.cn/wx_emoji/0/'];
    case 'link': {
      const { title, description, url } = m.link ?? {};
      return [
        '(分享)卡片式链接',
        `${title ?? ''}\n${description ?? ''}\n\n<a href="${url ?? ''}">点击查看详情</a>`,
        url ?? '',
      ];
    }
    case 'file':
      return ['文件', '文件', `FileStorage\\File\\${month}\\${m.file?.name ?? 'file'}`];
    case 'miniprogram':
      return ['(分享)小程序', '(分享)小程序', ''];
    case 'recalled':
      return ['系统通知', `"${recaller}" 撤回了一条消息`, ''];
    default:
      return [m.text?.includes('拍了拍') ? '拍一拍' : '系统通知', m.text ?? '', ''];
  }
}

export function writePywxdumpCsv(
  source: ArchiveSource,
  dir: string,
  timezone = 'Asia/Shanghai',
): WriteResult {
  const clock = new ArchiveTimeParser(timezone);
  const name = contactNames(source);
  const ids = new NumericIds('6');
  const result: WriteResult = { files: [], messages: 0, skipped: {} };
  for (const [room, list] of messagesByGroup(source)) {
    const folder = join(dir, safeName(room));
    mkdirSync(folder, { recursive: true });
    let text = csvLine([
      'id',
      'MsgSvrID',
      'type_name',
      'is_sender',
      'talker',
      'room_name',
      'msg',
      'src',
      'CreateTime',
    ]);
    list.forEach(({ record: m, time }, i) => {
      const local = clock.format(time);
      const [typeName, msg, src] = row(m, local.slice(0, 7), name(m.senderId));
      const system = m.type === 'system' || m.type === 'recalled';
      text += csvLine([
        i + 1,
        ids.of(m.id),
        typeName,
        0,
        system ? '未知' : m.senderId,
        room,
        msg,
        src,
        local,
      ]);
      result.messages++;
    });
    const file = join(folder, `${safeName(room)}_0_${list.length + 1}.csv`);
    writeFileSync(file, text);
    result.files.push(file);
  }
  return result;
}
