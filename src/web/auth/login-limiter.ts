/** One login attempt, charged when the request arrived (before its body was read). */
export interface LoginAttempt {
  /** Whether the client had used up its attempts when this one arrived. */
  readonly limited: boolean;
  /** The token was right: the attempt is taken back, so logging in never uses up anyone's attempts. */
  succeed(): void;
}

/**
 * Limits wrong logins without ever refusing a right token (docs/DASHBOARD.md, "Security").
 *
 * Every attempt is charged to its client the moment the request arrives, before its body is read —
 * so requests whose bodies trickle in slowly are counted while they are still in flight and cannot
 * slip past the limit together (they used to be counted only after their body arrived). A right
 * token takes its own charge back (`succeed`); wrong, unreadable or abandoned attempts stay charged
 * for `windowMs`. A client with `maxAttempts` charged attempts is `limited`: its wrong tokens are
 * answered 429 instead of 401. A right token is still accepted, because behind a shared proxy (or
 * NAT) "the client" may be many people, and one of them failing must not lock out the others.
 * Guessing is hopeless anyway (tokens are 16+ random characters); the limit keeps the server, its
 * logs and its CPU quiet and makes a guesser visible.
 *
 * Keys are strings: the client address (see clientAddress) and, once the body is read, the first
 * characters of the presented token (`prefix:…`), so that attempts on one token spread over many
 * addresses are limited too. Memory is bounded: at most 10,000 keys, oldest first out.
 */
export class LoginLimiter {
  private readonly charged = new Map<string, { at: number }[]>();

  constructor(
    private readonly maxAttempts = 10,
    private readonly windowMs = 10 * 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Charges an attempt to `key` now and tells whether the key was already at its limit. */
  begin(key: string): LoginAttempt {
    const list = this.recent(key);
    const limited = list.length >= this.maxAttempts;
    const entry = { at: this.now() };
    list.push(entry);
    this.charged.delete(key);
    this.charged.set(key, list);
    if (this.charged.size > 10_000) {
      const oldest = this.charged.keys().next().value;
      if (oldest !== undefined) this.charged.delete(oldest);
    }
    return {
      limited,
      succeed: () => {
        const current = this.charged.get(key);
        const i = current?.indexOf(entry) ?? -1;
        if (current && i >= 0) current.splice(i, 1);
      },
    };
  }

  /** Whether `key` has used up its attempts (without charging one). */
  limited(key: string): boolean {
    return this.recent(key).length >= this.maxAttempts;
  }

  private recent(key: string): { at: number }[] {
    const since = this.now() - this.windowMs;
    const list = (this.charged.get(key) ?? []).filter((e) => e.at > since);
    return list;
  }
}

/** How many leading characters of a presented token key the per-token limit. */
export const TOKEN_PREFIX_CHARS = 6;

/**
 * The client's address for the limiter: the socket's peer, unless that peer is one of
 * `trustedProxies` — then the right-most address of `X-Forwarded-For` that is not itself a trusted
 * proxy (each proxy appends the address it received from; entries to the left may be forged by the
 * client). IPv4-mapped IPv6 addresses (`::ffff:127.0.0.1`) are compared as IPv4.
 */
export function clientAddress(
  peer: string | undefined,
  forwardedFor: string | undefined,
  trustedProxies: readonly string[],
): string {
  const address = normalise(peer ?? 'unknown');
  const trusted = new Set(trustedProxies.map(normalise));
  if (!trusted.has(address) || forwardedFor === undefined) return address;
  const hops = forwardedFor
    .split(',')
    .map((h) => normalise(h.trim()))
    .filter((h) => h !== '');
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i] as string;
    if (!trusted.has(hop)) return hop;
  }
  return address;
}

function normalise(address: string): string {
  const lower = address.toLowerCase();
  return lower.startsWith('::ffff:') && lower.includes('.') ? lower.slice(7) : lower;
}
