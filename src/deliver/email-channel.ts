import nodemailer from 'nodemailer';
import type { Config } from '../config/schema.js';
import type { SendableContent } from '../store/outbox.js';
import { ChannelBlockedError, type ChannelSender, RateLimitedError } from './channel.js';
import { RecipientUnavailableError } from './sender.js';

type EmailSettings = Config['deliver']['email'];

const LOOPBACK = /^(localhost|127(\.\d+){3}|::1|\[::1\])$/i;

/** The nodemailer error fields read here (SMTP reply code, nodemailer's own code). */
interface SmtpError {
  code?: string;
  responseCode?: number;
  command?: string;
}

/**
 * Email over SMTP with nodemailer, one pooled connection. `secure`: TLS from the first byte (465);
 * otherwise STARTTLS whenever the server offers it, and required before a password is sent to a
 * server that is not on this machine. A loopback server's certificate is not checked (a local
 * relay's self-signed certificate cannot name "localhost" usefully).
 *
 * Each outbox row is one whole mail ('mail' content); a lone text or image becomes a short mail.
 * Subject and bodies are UTF-8 (nodemailer encodes the subject as RFC 2047 words and picks
 * quoted-printable or base64 for the bodies), so Chinese reads correctly in any client.
 */
export function createEmailChannel(
  settings: EmailSettings,
  subjectOf: (content: SendableContent) => string,
): ChannelSender & { close(): void } {
  const loopback = LOOPBACK.test(settings.host);
  const transport = nodemailer.createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.secure,
    requireTLS: !settings.secure && settings.user !== '' && !loopback,
    auth: settings.user === '' ? undefined : { user: settings.user, pass: settings.password },
    tls: loopback ? { rejectUnauthorized: false } : undefined,
    pool: true,
    maxConnections: 1,
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
  });

  return {
    throttle: {
      minGapMs: settings.minGapMs,
      jitterMs: 0,
      minGapSameRecipientMs: settings.minGapMs,
      maxPerMinute: settings.maxPerMinute,
    },
    async send(to, content) {
      const mail =
        content.kind === 'mail'
          ? {
              subject: content.subject,
              text: content.text,
              html: content.html,
              attachments: content.files.map((f) => ({
                filename: f.name,
                content: Buffer.from(f.base64, 'base64'),
                contentType: f.contentType,
                ...(f.cid ? { cid: f.cid, contentDisposition: 'inline' as const } : {}),
              })),
            }
          : content.kind === 'text'
            ? { subject: subjectOf(content), text: content.text }
            : {
                subject: subjectOf(content),
                text: '',
                attachments: [
                  'path' in content
                    ? { path: content.path }
                    : {
                        filename: content.name ?? 'chart.png',
                        content: Buffer.from(content.base64, 'base64'),
                      },
                ],
              };
      try {
        await transport.sendMail({ from: senderAddress(settings), to, ...mail, textEncoding: 'base64' });
      } catch (error) {
        throw classify(error as SmtpError & Error);
      }
    },
    close() {
      transport.close();
    },
  };
}

/** deliver.email.from, else the login when it is an address, else qingqun@ the SMTP host. */
export function senderAddress(settings: EmailSettings): string {
  if (settings.from !== '') return settings.from;
  if (settings.user.includes('@')) return settings.user;
  return `qingqun@${settings.host}`;
}

/** SMTP failures as the send queue reads them (RFC 5321 reply codes). */
function classify(error: SmtpError & Error): Error {
  const code = error.responseCode;
  if (error.code === 'EAUTH') {
    return new ChannelBlockedError(
      'email',
      'EAUTH',
      `the SMTP server refused the login (${code ?? 'no code'}): check deliver.email.user and QINGQUN_SMTP_PASSWORD`,
    );
  }
  // 550/551/553: mailbox unavailable or not allowed; 5xx at RCPT names this recipient.
  if (code !== undefined && code >= 550 && code <= 553 && error.command === 'RCPT TO') {
    return new RecipientUnavailableError(`(mailbox refused: ${code})`, 'rejected');
  }
  if (code === 421 || code === 452) {
    return new RateLimitedError(`SMTP ${code}: the server asked to slow down`, 60_000);
  }
  if (code !== undefined && code >= 500 && error.command === 'MAIL FROM') {
    return new ChannelBlockedError(
      'email',
      String(code),
      `the SMTP server refused the sender address (${code}): check deliver.email.from`,
    );
  }
  return error;
}
