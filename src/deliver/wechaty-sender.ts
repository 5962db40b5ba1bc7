import { basename } from 'node:path';
import { FileBox } from 'file-box';
import type { Wechaty } from 'wechaty';
import { RecipientUnavailableError, type Sender, SenderOfflineError } from './sender.js';

/**
 * Sends through a logged-in Wechaty bot. A contact the puppet cannot find, or one it reports as not
 * a friend, is unavailable; `friend()` undefined (puppets that do not know) is tried. The bot must
 * have an 'error' listener: Contact.find reports a missing contact as an error event.
 */
export function createWechatySender(bot: Wechaty): Sender {
  async function contact(contactId: string) {
    if (!bot.isLoggedIn) throw new SenderOfflineError();
    const found = await bot.Contact.find({ id: contactId });
    if (!found) throw new RecipientUnavailableError(contactId, 'not-found');
    if (found.friend() === false) throw new RecipientUnavailableError(contactId, 'not-friend');
    return found;
  }

  return {
    async sendText(contactId, text) {
      await (await contact(contactId)).say(text);
    },
    async sendImage(contactId, image, name) {
      const to = await contact(contactId);
      // Bytes go as base64, which every puppet (including puppet-service) can serialise.
      const box =
        typeof image === 'string'
          ? FileBox.fromFile(image, name ?? basename(image))
          : FileBox.fromBase64(image.toString('base64'), name ?? 'chart.png');
      await to.say(box);
    },
  };
}
