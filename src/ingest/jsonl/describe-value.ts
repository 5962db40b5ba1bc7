/**
 * A short, safe rendering of an untrusted JSON value for a problem report: strings quoted and cut to
 * 40 characters, scalars as JSON, arrays and objects by type only (never serialised: a 1 MB line can
 * nest 500,000 levels deep, which JSON.stringify cannot survive, and they may hold message text).
 */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') {
    const cut = value.length > 40 ? `${value.slice(0, 40)}…` : value;
    return JSON.stringify(cut);
  }
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : typeof value;
}
