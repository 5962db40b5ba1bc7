/**
 * What the send queue needs from a messenger. Implementations throw RecipientUnavailableError when
 * the recipient cannot be reached at all (retrying would not help), SenderOfflineError when nothing
 * was attempted because the bot is not logged in, and any other error for a failure worth retrying.
 */
export interface Sender {
  sendText(contactId: string, text: string): Promise<void>;
  /** `image`: a PNG file path, or the PNG bytes. `name` is the file name shown to the recipient. */
  sendImage(contactId: string, image: string | Buffer, name?: string): Promise<void>;
}

/**
 * not-found / not-friend: the bot's account; no-address: the contact has no address on the row's
 * channel; rejected: the channel's service refused this recipient (WeCom 81013, SMTP 550).
 */
export type UnavailableReason = 'not-found' | 'not-friend' | 'no-address' | 'rejected';

/** The recipient cannot be reached on this channel: report, do not retry. */
export class RecipientUnavailableError extends Error {
  constructor(
    readonly contactId: string,
    readonly reason: UnavailableReason,
  ) {
    super(`recipient ${contactId} is unavailable: ${reason}`);
    this.name = 'RecipientUnavailableError';
  }
}

/** The bot is not logged in: nothing was sent, and the attempt does not count. */
export class SenderOfflineError extends Error {
  constructor(message = 'the bot is not logged in') {
    super(message);
    this.name = 'SenderOfflineError';
  }
}
