import { describe, expect, it } from 'vitest';
import { types } from 'wechaty';
import { toMessageType } from '../../../src/ingest/wechaty/to-message-type.js';

const T = types.Message;

describe('toMessageType', () => {
  it.each([
    [T.Text, 'text'],
    [T.GroupNote, 'text'],
    [T.Url, 'link'],
    [T.Attachment, 'file'],
    [T.Image, 'image'],
    [T.MiniProgram, 'miniprogram'],
    [T.Emoticon, 'emoticon'],
    [T.Recalled, 'recalled'],
    [T.Unknown, 'system'],
    [T.Audio, 'other'],
    [T.Video, 'other'],
    [T.Contact, 'other'],
    [T.Location, 'other'],
    [T.ChatHistory, 'other'],
    [T.RedEnvelope, 'other'],
    [T.Transfer, 'other'],
    [T.Post, 'other'],
  ])('%s → %s', (type, expected) => {
    expect(toMessageType(type)).toBe(expected);
  });
});
