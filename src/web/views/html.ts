/**
 * HTML building with escaping by default: `html` is a tagged template in which every interpolated
 * string is escaped by `escapeHtml` (the one escaping helper for HTML text and quoted attributes);
 * only values already built by `html` (or wrapped by `raw` for trusted constants) pass unchanged.
 * Strings from chats (group and unit names, notices) are therefore never markup.
 */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type HtmlValue = SafeHtml | string | number | null | undefined | false | readonly HtmlValue[];

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML element content and for attribute values in double or single quotes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] as string);
}

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((v, i) => {
    out += render(v) + (strings[i + 1] ?? '');
  });
  return new SafeHtml(out);
}

/** Marks a trusted constant (never data) as HTML. */
export function raw(trusted: string): SafeHtml {
  return new SafeHtml(trusted);
}

/**
 * A JSON data block (`<script type="application/json">`, never executed) whose content cannot
 * close the element or start markup: <, >, & and the JavaScript line separators are \u-escaped,
 * so `</script>` in a chat string stays inside the JSON.
 */
export function jsonScript(id: string, value: unknown): SafeHtml {
  const json = JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return html`<script type="application/json" id="${id}">${raw(json)}</script>`;
}
