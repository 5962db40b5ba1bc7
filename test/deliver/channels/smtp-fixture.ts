import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  envelopeTo: string[];
  parsed: ParsedMail;
}

/**
 * A real SMTP server on 127.0.0.1 (smtp-server): offers STARTTLS with its built-in certificate and
 * requires a login; every accepted mail is parsed with mailparser. `reject` refuses RCPT for those
 * addresses with 550.
 */
export async function startSmtp(options: { user: string; password: string; reject?: string[] }) {
  const mails: ReceivedMail[] = [];
  let tls = 0;
  const server = new SMTPServer({
    secure: false,
    authMethods: ['PLAIN', 'LOGIN'],
    onAuth(auth, _session, callback) {
      if (auth.username === options.user && auth.password === options.password) {
        callback(null, { user: auth.username });
      } else callback(new Error('Invalid username or password'));
    },
    onConnect(_session, callback) {
      callback();
    },
    onSecure(_socket, _session, callback) {
      tls++;
      callback();
    },
    onRcptTo(address, _session, callback) {
      if (options.reject?.includes(address.address)) {
        const error = new Error('mailbox unavailable') as Error & { responseCode: number };
        error.responseCode = 550;
        callback(error);
      } else callback();
    },
    onData(stream, session, callback) {
      simpleParser(stream, { skipImageLinks: true })
        .then((parsed) => {
          mails.push({ envelopeTo: session.envelope.rcptTo.map((r) => r.address), parsed });
          callback();
        })
        .catch(callback);
    },
    logger: false,
    // Logins over plain TCP are fine here: loopback only, and STARTTLS is offered anyway.
    allowInsecureAuth: true,
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    mails,
    tlsUpgrades: () => tls,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
