import { randomUUID } from 'node:crypto';
import { FileBox, type FileBoxInterface, FileBoxType } from 'file-box';
import { type payloads, types } from 'wechaty';
import { PuppetMock } from 'wechaty-puppet-mock';

/** One thing the bot sent, as the simulation observed it (delivery tests read these). */
export interface CapturedSend {
  kind: 'text' | 'file' | 'url' | 'miniprogram';
  conversationId: string;
  /** The id of the echo the bot then saw as its own 'message' (as on real puppets). */
  messageId: string;
  time: number;
  text?: string;
  mentionIds?: string[];
  file?: FileBoxInterface;
  url?: payloads.UrlLink;
  miniProgram?: payloads.MiniProgram;
}

const IMAGE_NAME = /\.(?:png|jpe?g|gif|webp)$/i;

/**
 * wechaty-puppet-mock with real payloads: the stock mock answers link cards, mini programs and images
 * with placeholders. Link cards and mini programs are looked up in `links` / `miniPrograms` (keyed by
 * message id), images and files in the mocker's file box cache. Sends are captured in `sent` and
 * echoed back as the bot's own messages; rooms are recognised by the mocker's room cache, so room ids
 * need not contain '@' here (the stock mock routes by it).
 */
export class SimulationPuppet extends PuppetMock {
  readonly links = new Map<string, payloads.UrlLink>();
  readonly miniPrograms = new Map<string, payloads.MiniProgram>();
  /** Everything the bot sent, in order. */
  readonly sent: CapturedSend[] = [];

  override async messageUrl(messageId: string): Promise<payloads.UrlLink> {
    const card = this.links.get(messageId);
    if (!card) throw new Error(`no link card for message ${messageId}`);
    return card;
  }

  override async messageMiniProgram(messageId: string): Promise<payloads.MiniProgram> {
    const card = this.miniPrograms.get(messageId);
    if (!card) throw new Error(`no mini program for message ${messageId}`);
    return card;
  }

  override async messageImage(messageId: string, _imageType: types.Image): Promise<FileBoxInterface> {
    return this.messageFile(messageId);
  }

  override async messageSendText(
    conversationId: string,
    text: string,
    mentionIdList?: string[],
  ): Promise<void> {
    const mentionIds = mentionIdList ?? [];
    const messageId = this.echo(conversationId, {
      type: types.Message.Text,
      text,
      mentionIdList: mentionIds,
    });
    this.sent.push({ kind: 'text', conversationId, messageId, time: Date.now(), text, mentionIds });
  }

  override async messageSendFile(conversationId: string, file: FileBoxInterface): Promise<void> {
    const serialisable = [FileBoxType.Base64, FileBoxType.Url, FileBoxType.QRCode, FileBoxType.Uuid].includes(
      file.type,
    );
    // Buffer, file and stream boxes cannot be serialised into the mock's cache as they are.
    const json = serialisable ? file.toJSON() : FileBox.fromBase64(await file.toBase64(), file.name).toJSON();
    const isImage = file.mediaType.startsWith('image/') || IMAGE_NAME.test(file.name);
    const messageId = this.echo(
      conversationId,
      { type: isImage ? types.Message.Image : types.Message.Attachment, text: '' },
      (id) => this.mocker.cacheFileBoxPayload.set(id, json),
    );
    this.sent.push({ kind: 'file', conversationId, messageId, time: Date.now(), file });
  }

  override async messageSendUrl(conversationId: string, url: payloads.UrlLink): Promise<void> {
    const messageId = this.echo(conversationId, { type: types.Message.Url, text: '' }, (id) =>
      this.links.set(id, url),
    );
    this.sent.push({ kind: 'url', conversationId, messageId, time: Date.now(), url });
  }

  override async messageSendMiniProgram(
    conversationId: string,
    miniProgram: payloads.MiniProgram,
  ): Promise<void> {
    const messageId = this.echo(conversationId, { type: types.Message.MiniProgram, text: '' }, (id) =>
      this.miniPrograms.set(id, miniProgram),
    );
    this.sent.push({ kind: 'miniprogram', conversationId, messageId, time: Date.now(), miniProgram });
  }

  /** Creates the bot's own message as the puppet would report it, and emits it. */
  private echo(
    conversationId: string,
    content: { type: types.Message; text: string; mentionIdList?: string[] },
    attach?: (messageId: string) => void,
  ): string {
    if (!this.isLoggedIn) throw new Error('not logged in');
    const id = `out-${randomUUID()}`;
    attach?.(id);
    const inRoom = this.mocker.cacheRoomPayload.has(conversationId);
    this.mocker.MessageMock.create({
      id,
      talkerId: this.currentUserId,
      timestamp: Date.now(),
      ...content,
      ...(inRoom ? { roomId: conversationId } : { listenerId: conversationId }),
    } as payloads.Message);
    this.emit('message', { messageId: id });
    return id;
  }
}
