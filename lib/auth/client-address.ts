/**
 * The address a sign-in attempt comes from, for the per-client limits (lib/auth/sign-in-policy.ts).
 * A client can write any header it likes, so only addresses our own servers wrote count:
 * 1. behind a reverse proxy (GROUNDWORK_TRUST_PROXY=true): the rightmost X-Forwarded-For entry,
 *    which the proxy appended from its socket (entries to its left came from the client);
 * 2. otherwise the socket address that scripts/next-server.mjs (what `npm start` runs) writes into
 *    its own header on every request, replacing whatever the client sent under that name;
 * 3. a bare `next start` (not how Groundwork is started) only has X-Forwarded-For, which it fills
 *    from the socket when the client sent none: its first entry, spoofable, is all there is.
 */
export interface ClientAddressConfig {
  trustProxy: boolean;
  /** The header scripts/next-server.mjs writes the socket address into (unset: not behind it). */
  socketHeader?: string;
}

export type ClientAddress = { address: string; source: 'proxy' | 'socket' | 'forwarded-for' | 'unknown' };

/**
 * @example clientAddress(new Headers({ 'x-forwarded-for': '6.6.6.6', 'x-groundwork-client-address': '10.0.0.7' }),
 *   { trustProxy: false, socketHeader: 'x-groundwork-client-address' }) // { address: '10.0.0.7', source: 'socket' }
 */
export function clientAddress(headers: Headers, config: ClientAddressConfig): ClientAddress {
  const chain = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (config.trustProxy) return chain.length ? { address: chain[chain.length - 1], source: 'proxy' } : { address: 'unknown', source: 'unknown' };
  const socket = config.socketHeader ? headers.get(config.socketHeader)?.trim() : undefined;
  if (socket) return { address: socket, source: 'socket' };
  return chain.length ? { address: chain[0], source: 'forwarded-for' } : { address: 'unknown', source: 'unknown' };
}
