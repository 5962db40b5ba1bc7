/**
 * ChatLab v0.0.2 message → archive item. ChatLab types: 0 text, 1 image, 2 voice, 3 video, 4 file,
 * 5 emoji, 7 link, 8 location, 20 red packet, 21 transfer, 22 poke (拍一拍), 23 call, 24 share (mini
 * programs among them), 25 reply, 26 forward, 27 contact card, 80 system, 81 recall, 99 other.
 * ChatLab keeps one `content` string per message, so details are read from it by qingqun's
 * convention (also what `qingqun export --format chatlab` writes): a link is `TITLE\nURL`, a file its
 * name, a share `[APP] TITLE`, a recall names the recalled message in `replyToMessageId`.
 * Message ids are `GROUP#platformMessageId` (a recall's text likewise), or synthetic without one.
 */
import type { MessageType } from '../../model/message.js';
import { type ArchiveItem, buildMessage, type MessageFields, nonEmpty } from './archive-item.js';
import type { ArchiveTimeParser } from './archive-time.js';
import { isRecord, NOT_AN_OBJECT } from './read-context.js';
import type { SyntheticIds } from './synthetic-ids.js';
import { recallOrSystem } from './wechat-raw-type.js';

export const CHATLAB_TYPES: Record<number, MessageType> = {
  0: 'text',
  1: 'image',
  2: 'other',
  3: 'other',
  4: 'file',
  5: 'emoticon',
  7: 'link',
  8: 'other',
  20: 'other',
  21: 'other',
  22: 'system',
  23: 'other',
  24: 'miniprogram',
  25: 'text',
  26: 'other',
  27: 'other',
  80: 'system',
  81: 'recalled',
  99: 'other',
};

/** Placeholders converters put in `content` for media ("[图片]", "[文件]"): not names or titles. */
const PLACEHOLDER = /^\[[^\]\n]{1,8}\]$/;
const URL_LINE = /^https?:\/\/\S+$/;
const APP_PREFIX = /^\[([^\]\n]{1,40})\] ?/;

type Details = Omit<MessageFields, 'source' | 'id' | 'groupId' | 'senderId' | 'time'>;

function details(type: MessageType, content: string | null, replyTo: string | null): Details {
  const usable = content !== null && !PLACEHOLDER.test(content) ? content : null;
  switch (type) {
    case 'file':
      return { type, file: { name: usable } };
    case 'link': {
      const lines = (usable ?? '')
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l !== '');
      const url = lines.find((l) => URL_LINE.test(l)) ?? null;
      return { type, link: { title: lines.find((l) => l !== url) ?? null, url } };
    }
    case 'miniprogram': {
      const app = usable ? APP_PREFIX.exec(usable) : null;
      const title = app ? usable?.slice(app[0].length) : usable;
      return { type, miniprogram: { appName: app?.[1] ?? null, title: title || null } };
    }
    case 'recalled':
      return { type, text: replyTo };
    case 'system':
      return recallOrSystem(content) === 'recalled'
        ? { type: 'recalled', text: null }
        : { type, text: content };
    case 'text':
      return { type, text: content };
    default:
      return { type, text: null };
  }
}

export function chatlabMessageToItem(
  m: unknown,
  chat: { groupId: string; source: string },
  clock: ArchiveTimeParser,
  ids: SyntheticIds,
): ArchiveItem {
  if (!isRecord(m)) return NOT_AN_OBJECT;
  const time = clock.parse(m.timestamp);
  if (!time.ok) return { kind: 'problem', field: 'timestamp', problem: time.problem };
  if (typeof m.type !== 'number') return { kind: 'problem', field: 'type', problem: 'expected a number' };
  const mapped = CHATLAB_TYPES[m.type];
  // System lines and recalls may come without a sender; everything else needs one.
  const sender = nonEmpty(m.sender);
  if (!sender && mapped !== 'system' && mapped !== 'recalled') {
    return { kind: 'problem', field: 'sender', problem: 'required' };
  }
  const content = typeof m.content === 'string' ? m.content : null;
  // Converters often number messages per chat (msg_001…): ids are scoped by the chat's group.
  const platformId = nonEmpty(m.platformMessageId);
  const id = platformId
    ? `${chat.groupId}#${platformId}`
    : ids.next(`${chat.groupId}#~`, [time.time, sender, m.type, content]);
  const replyTo = nonEmpty(m.replyToMessageId);
  return {
    kind: 'message',
    message: buildMessage({
      source: chat.source,
      id,
      groupId: chat.groupId,
      senderId: mapped === 'system' && sender === 'system' ? null : sender,
      time: time.time,
      ...details(mapped ?? 'other', content, replyTo ? `${chat.groupId}#${replyTo}` : null),
      // A reply (25) names the message it quotes; its content is the reply alone.
      quote: m.type === 25 && replyTo ? { messageId: `${chat.groupId}#${replyTo}` } : null,
    }),
    rawType: String(m.type),
    unknown: mapped === undefined,
    senderName: nonEmpty(m.groupNickname) ?? nonEmpty(m.accountName),
  };
}
