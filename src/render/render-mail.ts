import type { Locale } from '../model/locale.js';

/**
 * A message written for chat (parts cut to fit a chat message) as one mail: the parts joined again
 * into a plain-text body and an HTML body that shows the same text, with inline images placed
 * after it by Content-ID. Pure; the deliver stage wraps the result in MIME (nodemailer), which
 * encodes the subject (RFC 2047) and the bodies as UTF-8 so Chinese reads correctly in any client.
 */
export interface MailView {
  text: string;
  html: string;
}

/** "(2/3) " put in front of each part by splitMessageParts. */
const PART_MARKER = /^\(\d+\/\d+\) /;

/** The chat parts as one text: markers dropped, parts separated by a blank line. */
export function joinParts(parts: readonly string[]): string {
  return parts.map((p) => p.replace(PART_MARKER, '').trim()).join('\n\n');
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Links in the text stay clickable in the HTML. */
const linkify = (escaped: string) =>
  escaped.replace(/https?:\/\/[^\s<>"]+/g, (url) => `<a href="${url}">${url}</a>`);

export function renderMail(options: {
  title: string;
  parts: readonly string[];
  /** Inline images, shown after the text: `cid` as in the mail's related parts. */
  images?: readonly { cid: string; alt: string }[];
  /** Lines after the text, e.g. naming an attachment. */
  footer?: readonly string[];
  lang: Locale;
}): MailView {
  const body = joinParts(options.parts);
  const footer = options.footer ?? [];
  const text = [body, ...(footer.length > 0 ? ['', ...footer] : [])].join('\n');
  const paragraphs = body
    .split(/\n{2,}/)
    .map((p) => `<p>${p.split('\n').map(escapeHtml).map(linkify).join('<br>\n')}</p>`);
  const images = (options.images ?? []).map(
    (i) => `<p><img src="cid:${escapeHtml(i.cid)}" alt="${escapeHtml(i.alt)}" style="max-width:100%"></p>`,
  );
  const foot = footer.map((l) => `<p style="color:#666">${escapeHtml(l)}</p>`);
  const html = [
    '<!DOCTYPE html>',
    `<html lang="${options.lang}"><head><meta charset="utf-8"><title>${escapeHtml(options.title)}</title></head>`,
    "<body style=\"font-family:-apple-system,'PingFang SC','Microsoft YaHei','Noto Sans SC',sans-serif;line-height:1.6\">",
    ...paragraphs,
    ...images,
    ...foot,
    '</body></html>',
  ].join('\n');
  return { text, html };
}
