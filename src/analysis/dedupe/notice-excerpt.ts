/**
 * A short human-readable label for a duplicate set (≤ 60 code points, ending in … when cut): the
 * longest text copy with forwarding marks removed and whitespace collapsed, or the file name, or the
 * link's title (its URL without a title); DROPPED_TEXT when no copy kept its text.
 */
import type { StoredMessage } from '../../model/message.js';
import { stripForwardingMarks } from '../../text/normalise.js';
import type { DuplicateSet } from './duplicate-sets.js';
import type { NoticeTable } from './notice-table.js';

export const EXCERPT_LENGTH = 60;
/** The label of a notice none of whose copies kept its text (retention, storage policy). */
export const DROPPED_TEXT = '（正文未保留）';

function cut(text: string): string {
  // Only the beginning is shown; slicing first keeps the cost independent of the text's length.
  const clean = text
    .slice(0, EXCERPT_LENGTH * 8)
    .replace(/\s+/g, ' ')
    .trim();
  const points = Array.from(clean);
  return points.length <= EXCERPT_LENGTH ? clean : `${points.slice(0, EXCERPT_LENGTH - 1).join('')}…`;
}

export function noticeExcerpt(table: NoticeTable, set: DuplicateSet): string {
  const first = table.messages[set.indexes[0] as number] as StoredMessage;
  if (set.kind === 'file') return cut(first.file?.name ?? (first.type === 'image' ? '[图片]' : '[文件]'));
  if (set.kind === 'link') {
    const titled = set.indexes.map((m) => table.messages[m] as StoredMessage).find((m) => m.link?.title);
    return cut(titled?.link?.title ?? first.link?.url ?? first.text ?? '[链接]');
  }
  let best = first;
  let bestLength = -1;
  for (const m of set.indexes) {
    const length = table.texts[table.itemOf[m] as number]?.length ?? 0;
    if (length > bestLength) {
      bestLength = length;
      best = table.messages[m] as StoredMessage;
    }
  }
  if (best.text === null) {
    const kept = set.indexes.map((m) => table.messages[m] as StoredMessage).find((m) => m.text !== null);
    if (!kept) return DROPPED_TEXT;
    best = kept;
  }
  return cut(stripForwardingMarks((best.text ?? '').slice(0, EXCERPT_LENGTH * 16)));
}
