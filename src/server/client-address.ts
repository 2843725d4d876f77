/**
 * The address of the client behind a request, for the per-client sweep cap (./routes/sweeps.ts).
 *
 * Without trusted proxies (`hops` 0, the default) it is the socket's remote address and
 * X-Forwarded-For is ignored: anyone can write that header. Behind N reverse proxies of your own
 * (`gigawatt serve --trust-proxy N`), each appends the address it received the request from, so the
 * rightmost N − 1 entries were written by your proxies and the Nth from the right is the address the
 * first of them saw: the client. Entries further left were sent by the client and are never used.
 * This is the rule of Express's `trust proxy` set to a number (expressjs.com/en/guide/behind-proxies.html,
 * implemented by the proxy-addr package), with one difference: where the header has fewer than N
 * entries, Express takes its leftmost one, which the client may have written; here that falls back to
 * the socket address.
 *
 * A header that cannot be read this way (absent, empty, over MAX_FORWARDED_FOR_CHARS, fewer than N
 * entries, or one of the rightmost N not an IP address) falls back to the socket address; nothing
 * here throws.
 */
import { isIP } from 'node:net';

/** Most proxy hops `--trust-proxy` accepts (a chain longer than this is a misconfiguration; an assumption). */
export const MAX_TRUST_PROXY_HOPS = 10;

/** Longest X-Forwarded-For read, characters; a longer header is ignored (2 KB: 10 hops of IPv6 need < 500). */
export const MAX_FORWARDED_FOR_CHARS = 2048;

/**
 * Checks a number of trusted proxy hops: an integer from 0 to MAX_TRUST_PROXY_HOPS; otherwise a
 * RangeError naming `name` (the option), the value and what is allowed.
 */
export function checkTrustProxyHops(hops: unknown, name = 'trustProxy'): number {
  if (typeof hops !== 'number' || !Number.isInteger(hops) || hops < 0 || hops > MAX_TRUST_PROXY_HOPS)
    throw new RangeError(
      `${name}: must be a whole number of proxy hops from 0 to ${MAX_TRUST_PROXY_HOPS} (got ${typeof hops === 'number' ? String(hops) : (JSON.stringify(hops) ?? String(hops))})`,
    );
  return hops;
}

/**
 * The client's address: the socket's (`'local'` when there is none, as in `app.request()`), or with
 * `hops` ≥ 1 the entry of `forwardedFor` `hops` places from the right when the header is well formed.
 */
export function clientAddress(
  socketAddress: string | undefined,
  forwardedFor: string | undefined,
  hops: number,
): string {
  const socket = socketAddress ?? 'local';
  if (hops < 1 || forwardedFor === undefined || forwardedFor.length > MAX_FORWARDED_FOR_CHARS) return socket;
  const entries = forwardedFor.split(',').map((s) => s.trim());
  if (entries.length < hops) return socket;
  const trusted = entries.slice(entries.length - hops);
  if (!trusted.every((e) => isIP(e) !== 0)) return socket;
  return (trusted[0] as string).toLowerCase();
}
