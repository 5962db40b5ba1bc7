/**
 * chatlog JSON files: the `chatlog export` / HTTP API (`/api/v1/chatlog?format=json`) array of
 * messages, the same one object per line, or saved webhook bodies (`{talker, …, messages: […]}`).
 * Each message is read by chatlogMessageToItem; only group conversations (isChatRoom) are stored.
 */
import { chatlogMessageToItem } from './chatlog-message.js';
import { atPath, isRecord, type ReadContext } from './read-context.js';
import { readJsonDocument } from './read-json-document.js';
import { readJsonLines } from './read-json-lines.js';
import { SyntheticIds } from './synthetic-ids.js';
import type { Layout } from './wecom-archive.js';

/** The messages of a document or line: an array, a webhook body's `messages`, or one message. */
function messagesOf(value: unknown): { list: unknown[]; path: string } {
  if (Array.isArray(value)) return { list: value, path: '' };
  if (isRecord(value) && Array.isArray(value.messages)) return { list: value.messages, path: 'messages' };
  if (isRecord(value) && Array.isArray(value.items)) return { list: value.items, path: 'items' };
  return { list: [value], path: '' };
}

export async function readChatlogJson(ctx: ReadContext, layout: Layout): Promise<number> {
  const ids = new SyntheticIds();
  const read = (line: number, value: unknown, inDocument: boolean) => {
    const { list, path } = messagesOf(value);
    const single = list.length === 1 && list[0] === value;
    list.forEach((m, i) => {
      const item = chatlogMessageToItem(m, ctx.source, ctx.time, ids, { selfId: ctx.selfId });
      ctx.sink.add(line, inDocument || !single ? atPath(item, `${path}[${i}]`) : item);
    });
  };
  if (layout === 'lines') {
    return readJsonLines(ctx.file, (l) => {
      if ('problem' in l) ctx.sink.problem(l.line, 'line', l.problem);
      else read(l.line, l.value, false);
    });
  }
  const doc = await readJsonDocument(ctx.file);
  if (!doc.ok) {
    ctx.sink.problem(0, 'file', doc.problem);
    return 0;
  }
  read(0, doc.value, true);
  return doc.lines;
}
