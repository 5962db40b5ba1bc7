/** A mainland mobile number (11 digits starting 13–19) not inside a longer run of digits. */
const MOBILE = /(?<!\d)(1[3-9]\d)\d{4}(\d{4})(?!\d)/g;

/**
 * Masks mobile numbers in text the dashboard shows (notices often end with a contact's number):
 * 13655171006 → 136****1006. Enough to tell numbers apart, not to call anyone. Linear: no nested
 * quantifiers, fixed-length lookarounds.
 */
export function maskPhoneNumbers(text: string): string {
  return text.replace(MOBILE, '$1****$2');
}
