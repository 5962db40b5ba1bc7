/**
 * Raw WeChat message types (the `Type`/`SubType` columns of the PC client's MSG table, which chatlog
 * and WeChatMsg export) → qingqun's types. App messages (49) are told apart by their sub type (the
 * `<type>` of their `<appmsg>`). Recalls and system notices share 10000/10002 and are told apart by
 * their content (recallOrSystem). Known types qingqun does not analyse (voice, video, red envelopes…)
 * are 'other'; types missing from this table are 'other' and `unknown`, so an importer can count them.
 */
import type { MessageType } from '../../model/message.js';

export interface MappedType {
  type: MessageType;
  /** `type` or `type/subType`, as reported in unknown-type counts. */
  raw: string;
  unknown: boolean;
}

const BASE: Record<number, MessageType> = {
  1: 'text',
  3: 'image',
  34: 'other', // voice
  37: 'other', // friend request
  42: 'other', // contact card
  43: 'other', // video
  47: 'emoticon',
  48: 'other', // location
  50: 'other', // voice/video call
  62: 'other', // short video
  65: 'other', // WeCom greeting
  66: 'other', // WeCom contact card
  10000: 'system',
  10002: 'system',
};

const APP: Record<number, MessageType> = {
  1: 'text', // pasted text
  3: 'other', // music
  4: 'link',
  5: 'link',
  6: 'file',
  7: 'other', // game
  8: 'emoticon', // uploaded GIF
  17: 'other', // live location
  19: 'other', // forwarded chat history
  24: 'other', // note
  33: 'miniprogram',
  36: 'miniprogram',
  40: 'other', // favourites
  44: 'other',
  50: 'other', // channels card
  51: 'other', // channels video
  53: 'text', // WeChat's own 接龙: a roll-call post (wechat-app-message.ts rollCallText)
  57: 'text', // quote reply: its text is the reply
  62: 'system', // 拍一拍
  63: 'other', // live stream
  74: 'file', // file being uploaded
  87: 'text', // 群公告: its text is a notice (wechat-app-message.ts announcementText)
  88: 'other',
  2000: 'other', // transfer
  2001: 'other', // red envelope
  2003: 'other', // red envelope cover
};

export function mapWechatType(type: number, subType: number): MappedType {
  if (type === 49) {
    const mapped = APP[subType];
    const raw = `49/${subType}`;
    return mapped ? { type: mapped, raw, unknown: false } : { type: 'other', raw, unknown: true };
  }
  const mapped = BASE[type];
  return mapped
    ? { type: mapped, raw: String(type), unknown: false }
    : { type: 'other', raw: String(type), unknown: true };
}

// "X" 撤回了一条消息 / 你撤回了一条消息 / "X" recalled a message (English clients).
const RECALL_TEXT = /撤回了一条消息|recalled a message/;

/** A system line that announces a recall is a recall; others stay system lines. */
export function recallOrSystem(text: string | null): 'recalled' | 'system' {
  return text !== null && RECALL_TEXT.test(text) ? 'recalled' : 'system';
}
