import type { FileBoxInterface } from 'file-box';
import { type Message, types } from 'wechaty';
import { errorText, type Logger } from '../../logging/logger.js';
import type { FileInfo, MessageInput } from '../../model/message.js';
import { rollCallText } from '../archive/wechat-app-message.js';
import { xmlText } from '../archive/wechat-xml.js';
import { detectMentionAll, MENTION_ALL_ID } from './detect-mention-all.js';
import { readFileInfo } from './read-file-info.js';
import { toMessageType } from './to-message-type.js';

export const WECHATY_SOURCE = 'wechaty';

export interface ToMessageInputOptions {
  /** Cap for hashing file content (bytes); see readFileInfo. */
  maxHashBytes?: number;
  /**
   * Told (debug) when a detail (link card, mini program, file) could not be read; the message is
   * still recorded without it. Records hold the detail and the error's message, never message text;
   * pass a child logger carrying the message id.
   */
  log?: Logger;
}

// Puppets hand the raw XML of cards and files over as text; it is noise, not something people wrote.
const XML_TEXT = /^\s*<(?:\?xml|msg|appmsg|sysmsg)\b/i;

/**
 * Maps a Wechaty room message to the store's shape; null for 1:1 messages. Mentions come from the
 * raw payload (`mentionIdList`; `notify@all` means @所有人) and the text.
 */
export async function toMessageInput(
  msg: Message,
  options: ToMessageInputOptions = {},
): Promise<MessageInput | null> {
  const room = msg.room();
  if (!room) return null;
  const puppetType = msg.type();
  const type = toMessageType(puppetType);
  const rawText = msg.text();
  const text =
    puppetType === types.Message.GroupNote
      ? groupNoteText(rawText)
      : rawText && !(type !== 'text' && XML_TEXT.test(rawText))
        ? rawText
        : null;
  const rawMentions = (msg.payload as { mentionIdList?: unknown } | undefined)?.mentionIdList;
  const mentionIdList = Array.isArray(rawMentions) ? rawMentions.filter((id) => typeof id === 'string') : [];
  const input: MessageInput = {
    source: WECHATY_SOURCE,
    id: msg.id,
    groupId: room.id,
    senderId: msg.talker().id,
    time: msg.date().getTime(),
    type,
    text,
    mentionAll: detectMentionAll(text, mentionIdList),
    mentionIds: mentionIdList.filter((id) => id !== MENTION_ALL_ID),
    link: null,
    file: null,
    miniprogram: null,
  };
  const fail = (detail: 'link' | 'miniprogram' | 'file') => (error: unknown) => {
    options.log?.debug({ detail, error: errorText(error) }, 'message detail unavailable');
    return null;
  };
  switch (puppetType) {
    case types.Message.Url:
      input.link = await msg.toUrlLink().then(
        (card) => ({
          title: card.title() || null,
          url: card.url() || null,
          description: card.description() || null,
        }),
        fail('link'),
      );
      break;
    case types.Message.MiniProgram:
      // Every puppet puts the card's source name (sourcedisplayname, e.g. 群接龙) into description.
      input.miniprogram = await msg
        .toMiniProgram()
        .then(
          (card) => ({ title: card.title() || null, appName: card.description() || null }),
          fail('miniprogram'),
        );
      break;
    case types.Message.Image:
      input.file = await fileInfo(
        () =>
          msg
            .toImage()
            .artwork()
            .catch(() => msg.toFileBox()),
        options,
        fail,
      );
      break;
    case types.Message.Attachment:
    case types.Message.Emoticon:
      input.file = await fileInfo(() => msg.toFileBox(), options, fail);
      break;
  }
  return input;
}

/**
 * A GroupNote (WeChat's native 接龙) is a roll-call post whatever the puppet hands over: the chain's
 * text, the raw appmsg XML (its `<title>` holds the chain) or nothing.
 */
function groupNoteText(raw: string): string {
  const title = XML_TEXT.test(raw) ? xmlText(raw, 'title', 'appmsg') : raw;
  return rollCallText(title);
}

async function fileInfo(
  open: () => Promise<FileBoxInterface>,
  options: ToMessageInputOptions,
  fail: (detail: 'file') => (error: unknown) => null,
): Promise<FileInfo | null> {
  const box = await open().catch(fail('file'));
  if (!box) return null;
  return readFileInfo(box, {
    maxBytes: options.maxHashBytes,
    log: options.log,
  });
}
