/**
 * Reads single values out of the XML WeChat stores in message content (`<msg><appmsg>…`,
 * `<sysmsg type="revokemsg">…`, `<msg><img md5="…"/>`). Not an XML parser: the first element of a name
 * wins, found with indexOf (linear on any input, no regex backtracking); CDATA and the five entities
 * plus numeric references are decoded. Missing or empty values are null.
 */
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]{1,6}|#\d{1,7}|amp|lt|gt|quot|apos);/g, (_, name: string) => {
    if (name.startsWith('#x')) return safeCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return safeCodePoint(Number(name.slice(1)));
    return ENTITIES[name] as string;
  });
}

function safeCodePoint(n: number): string {
  return n > 0 && n <= 0x10ffff && (n < 0xd800 || n > 0xdfff) ? String.fromCodePoint(n) : '\uFFFD';
}

/** Index just after `<tag` when followed by `>`, `/` or whitespace (so `<title>` is not `<titlex>`). */
function openTag(xml: string, tag: string, from = 0): number {
  const needle = `<${tag}`;
  for (let at = xml.indexOf(needle, from); at !== -1; at = xml.indexOf(needle, at + 1)) {
    const next = xml.charCodeAt(at + needle.length);
    if (next === 62 || next === 47 || next === 32 || next === 9 || next === 10 || next === 13) {
      return at + needle.length;
    }
  }
  return -1;
}

/** The text inside the first `<tag>…</tag>` (after `within`'s opening tag when given). */
export function xmlText(xml: string, tag: string, within?: string): string | null {
  let from = 0;
  if (within) {
    from = openTag(xml, within);
    if (from === -1) return null;
  }
  const open = openTag(xml, tag, from);
  if (open === -1) return null;
  const gt = xml.indexOf('>', open);
  if (gt === -1 || xml.charCodeAt(gt - 1) === 47) return null; // self-closing: no text
  const close = xml.indexOf(`</${tag}>`, gt + 1);
  if (close === -1) return null;
  let inner = xml.slice(gt + 1, close).trim();
  if (inner.startsWith('<![CDATA[') && inner.endsWith(']]>')) inner = inner.slice(9, -3);
  else inner = decodeEntities(inner);
  return inner === '' ? null : inner;
}

/** The value of `attr` on the first `<tag …>` element. */
export function xmlAttr(xml: string, tag: string, attr: string): string | null {
  const open = openTag(xml, tag);
  if (open === -1) return null;
  const gt = xml.indexOf('>', open);
  const head = xml.slice(open, gt === -1 ? xml.length : gt);
  for (let at = head.indexOf(attr); at !== -1; at = head.indexOf(attr, at + 1)) {
    const before = head.charCodeAt(at - 1);
    if (before !== 32 && before !== 9 && before !== 10 && before !== 13) continue;
    let i = at + attr.length;
    while (head[i] === ' ') i++;
    if (head[i] !== '=') continue;
    i++;
    while (head[i] === ' ') i++;
    const quote = head[i];
    if (quote !== '"' && quote !== "'") continue;
    const end = head.indexOf(quote, i + 1);
    if (end === -1) return null;
    const value = decodeEntities(head.slice(i + 1, end));
    return value === '' ? null : value;
  }
  return null;
}

/** The recalled message's server id in a `<sysmsg type="revokemsg">`, or null if `xml` is not one. */
export function revokedMessageId(xml: string): string | null {
  if (!xml.includes('revokemsg')) return null;
  return xmlText(xml, 'newmsgid', 'revokemsg') ?? xmlText(xml, 'msgid', 'revokemsg');
}
