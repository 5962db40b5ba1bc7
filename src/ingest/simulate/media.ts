/**
 * Files, images and link cards: content hashes (random but fixed per content, so a forwarded file keeps
 * its sha256), realistic file names, and WeChat article URLs with the tracking parameters forwarding
 * adds (?from=groupmessage&isappinstalled=0, scene=…), which do not change the article.
 */
import type { Prng } from './prng.js';
import { localParts } from './sim-clock.js';

export interface FileContent {
  name: string;
  size: number;
  sha256: string;
}

/** 64 lower-case hex digits. */
export function randomSha256(rng: Prng): string {
  let out = '';
  for (let i = 0; i < 8; i++) out += rng.uint32().toString(16).padStart(8, '0');
  return out;
}

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

function randomToken(rng: Prng, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += BASE64URL[rng.int(0, 63)];
  return out;
}

/** A photo as a phone names it, e.g. IMG_20261027_153012.jpg or mmexport1761550212345.jpg. */
export function imageFile(rng: Prng, ms: number): FileContent {
  const p = localParts(ms);
  const hh = String(Math.floor(p.minute / 60)).padStart(2, '0');
  const mm = String(p.minute % 60).padStart(2, '0');
  const date = `${p.year}${String(p.month).padStart(2, '0')}${String(p.day).padStart(2, '0')}`;
  const r = rng.next();
  const name =
    r < 0.4
      ? `IMG_${date}_${hh}${mm}${String(rng.int(0, 59)).padStart(2, '0')}.jpg`
      : r < 0.8
        ? `mmexport${ms + rng.int(0, 999)}.jpg`
        : `wx_camera_${ms + rng.int(0, 999)}.jpg`;
  return { name, size: rng.int(80_000, 4_200_000), sha256: randomSha256(rng) };
}

const DOC_EXTENSIONS = [
  ['.docx', 18_000, 260_000],
  ['.xlsx', 9_000, 120_000],
  ['.pdf', 90_000, 2_500_000],
] as const;

/** A document with `title` as its name and a fresh content hash. */
export function documentFile(rng: Prng, title: string): FileContent {
  const [ext, min, max] = rng.pick(DOC_EXTENSIONS);
  return { name: `${title}${ext}`, size: rng.int(min, max), sha256: randomSha256(rng) };
}

/** The same document with corrected content: same name, different size and hash. */
export function correctedFile(rng: Prng, original: FileContent): FileContent {
  const delta = rng.int(300, 6000) * (rng.chance(0.7) ? 1 : -1);
  return { name: original.name, size: Math.max(1000, original.size + delta), sha256: randomSha256(rng) };
}

/** A WeChat official-account article: the canonical URL of one article. */
export interface Article {
  /** Either the short form `https://mp.weixin.qq.com/s/<token>` or the long `__biz/mid/idx/sn` form. */
  url: string;
  long: boolean;
}

export function newArticle(rng: Prng): Article {
  if (rng.chance(0.6)) return { url: `https://mp.weixin.qq.com/s/${randomToken(rng, 22)}`, long: false };
  const biz = `${randomToken(rng, 14)}==`;
  const mid = 2_650_000_000 + rng.int(0, 9_999_999);
  return {
    url: `https://mp.weixin.qq.com/s?__biz=${biz}&mid=${mid}&idx=${rng.int(1, 3)}&sn=${randomSha256(rng).slice(0, 32)}`,
    long: true,
  };
}

const SHORT_TRACKING = [
  '',
  '?from=groupmessage&isappinstalled=0',
  '?from=singlemessage&isappinstalled=0',
  '?from=timeline',
  '?scene=1&from=groupmessage',
  '#rd',
];

/** The article URL as one forwarder's share produced it: tracking parameters added, article unchanged. */
export function sharedUrl(rng: Prng, article: Article): string {
  if (!article.long) return article.url + rng.pick(SHORT_TRACKING);
  const extra = rng.pick([
    '',
    `&chksm=${randomToken(rng, 20)}&scene=21#wechat_redirect`,
    `&scene=${rng.pick([1, 23, 27, 126])}&from=groupmessage&isappinstalled=0`,
    `&chksm=${randomToken(rng, 20)}&mpshare=1&scene=1&srcid=${randomToken(rng, 24)}&sharer_shareinfo=${randomToken(rng, 32)}&sharer_shareinfo_first=${randomToken(rng, 32)}#rd`,
    `&clicktime=${1_761_000_000 + rng.int(0, 9_999_999)}&enterid=${1_761_000_000 + rng.int(0, 9_999_999)}&ascene=1&devicetype=android-34&version=28003533&nettype=WIFI&lang=zh_CN`,
  ]);
  return article.url + extra;
}
