import type { Locale } from '../../model/locale.js';
import { href } from './href.js';
import { html } from './html.js';
import { layout } from './layout.js';
import { webText } from './web-text.js';

/** A page saying why a request failed (400, 403, 404, 500), with a way back. Never echoes the request. */
export function renderMessage(data: { status: number }, locale: Locale): string {
  const t = webText(locale);
  const text = t.status[data.status] ?? t.status[500] ?? '';
  const body = html`<section class="message"><h1>${String(data.status)}</h1><p>${text}</p>
<p><a href="${href('/', locale)}">${t.backHome}</a></p></section>`;
  return layout({ title: String(data.status), body, charts: false }, locale);
}
