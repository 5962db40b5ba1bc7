import { types } from 'wechaty';
import type { MessageType } from '../../model/message.js';

const T = types.Message;

/**
 * Wechaty message type → stored type. GroupNote is #接龙 on puppets that tell it apart; its text is
 * the chain itself, so it is text. Unknown is what puppets emit for system notices they do not
 * parse (joins, 拍一拍, revoked-by-admin notes), hence system. Voice, video, location, cards, red
 * envelopes and the rest carry nothing the analysis reads: other.
 */
export function toMessageType(type: types.Message): MessageType {
  switch (type) {
    case T.Text:
    case T.GroupNote:
      return 'text';
    case T.Url:
      return 'link';
    case T.Attachment:
      return 'file';
    case T.Image:
      return 'image';
    case T.MiniProgram:
      return 'miniprogram';
    case T.Emoticon:
      return 'emoticon';
    case T.Recalled:
      return 'recalled';
    case T.Unknown:
      return 'system';
    default:
      return 'other';
  }
}
