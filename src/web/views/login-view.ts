import type { Locale } from '../../model/locale.js';
import { html } from './html.js';
import { layout } from './layout.js';
import { webText } from './web-text.js';

export interface LoginViewData {
  /** Why the last attempt failed, if it did. */
  error: 'wrong' | 'tooMany' | 'badOrigin' | null;
  /** Where to go after logging in (a path on this site). */
  next: string;
}

/** The login page: one password field for the token. Needs no session and loads no data. */
export function renderLogin(data: LoginViewData, locale: Locale): string {
  const t = webText(locale);
  const body = html`<section class="login">
<h1>${t.login.title}</h1>
<p>${t.login.intro}</p>
${data.error ? html`<p class="error" role="alert">${t.login[data.error]}</p>` : ''}
<form method="post" action="/login?lang=${locale}">
<input type="hidden" name="next" value="${data.next}">
<label>${t.login.token} <input type="password" name="token" autocomplete="current-password" required autofocus></label>
<button type="submit">${t.login.submit}</button>
</form>
<p class="lang"><a href="/login?lang=${t.switchLocale}">${t.switchLanguage}</a></p>
</section>`;
  return layout({ title: t.login.title, body, charts: false }, locale);
}
