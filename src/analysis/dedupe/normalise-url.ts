/**
 * The form two shares of one web page have in common: scheme dropped, host lower-cased, a trailing
 * slash and the fragment dropped (except client-side routes such as #/notice/12), and the tracking and
 * session parameters that WeChat and share buttons add removed; the remaining parameters are sorted.
 * WeChat articles (mp.weixin.qq.com/s?…) keep only __biz, mid, idx and sn, which identify the article.
 * Returns null for an empty string; a string that is no URL is returned trimmed and lower-cased.
 */

const TRACKING = new Set([
  'from',
  'isappinstalled',
  'scene',
  'subscene',
  'ascene',
  'clicktime',
  'enterid',
  'chksm',
  'sessionid',
  'spm',
  'wxfrom',
  'wx_header',
  'devicetype',
  'nettype',
  'pass_ticket',
  'exportkey',
  'abtest_cookie',
  'fbclid',
  'gclid',
  'mpshare',
  'srcid',
  'nsukey',
  'from_msgid',
  'poc_token',
  'timestamp',
]);
const TRACKING_PREFIXES = ['utm_', 'share', 'spm_'];
const WEIXIN_ARTICLE_KEYS = new Set(['__biz', 'mid', 'idx', 'sn']);

function isTracking(name: string): boolean {
  const key = name.toLowerCase();
  return TRACKING.has(key) || TRACKING_PREFIXES.some((prefix) => key.startsWith(prefix));
}

export function normaliseUrl(raw: string): string | null {
  const trimmed = raw.trim();
  if (trimmed === '') return null;
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z\d+.-]*:/i.test(trimmed) ? trimmed : `https://${trimmed}`);
  } catch {
    return trimmed.toLowerCase();
  }
  const weixinArticle = url.hostname === 'mp.weixin.qq.com' && url.pathname.startsWith('/s');
  const kept: [string, string][] = [];
  for (const [name, value] of url.searchParams) {
    if (weixinArticle ? WEIXIN_ARTICLE_KEYS.has(name) : !isTracking(name)) kept.push([name, value]);
  }
  kept.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  const path = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, '') : '';
  const query = kept.length === 0 ? '' : `?${new URLSearchParams(kept).toString()}`;
  const route = url.hash.startsWith('#/') || url.hash.startsWith('#!') ? url.hash : '';
  return `${url.host.toLowerCase()}${path}${query}${route}`;
}
