/**
 * Masks what must never reach a log in a free-form string (an error message, a problem report):
 * mainland mobile numbers (1[3-9] + 9 digits), landlines with an area code (0xx-xxxxxxxx), and
 * Wechaty puppet-service tokens (`puppet_<provider>_<secret>`, `insecure_…`). Everything else is
 * left as it is. Linear: each pattern is a fixed-shape run with no nested quantifier.
 */
const PHONE = /(?<!\d)(?:\+?86[- ]?)?1[3-9]\d{9}(?!\d)/g;
const LANDLINE = /(?<!\d)0\d{2,3}-\d{7,8}(?!\d)/g;
const TOKEN = /\b(?:puppet|insecure)_[A-Za-z0-9]+_[A-Za-z0-9-]{6,}/g;

export function scrubLogText(text: string): string {
  return text.replace(TOKEN, '[token]').replace(PHONE, '[phone]').replace(LANDLINE, '[phone]');
}
