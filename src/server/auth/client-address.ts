import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';
import type { Context } from 'hono';
import type { AppEnv } from '../context';

/** The Node request behind a Hono context when served by @hono/node-server; absent in-process. */
function socketAddressOf(c: Context<AppEnv>): string | undefined {
  const env = c.env as { incoming?: IncomingMessage; server?: { incoming?: IncomingMessage } } | undefined;
  return (env?.server?.incoming ?? env?.incoming)?.socket?.remoteAddress;
}

/** "::ffff:203.0.113.7" → "203.0.113.7"; "fe80::1%eth0" → "fe80::1". */
function normalize(address: string): string {
  const bare = address.trim().replace(/%.*$/, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare);
  return mapped?.[1] ?? bare.toLowerCase();
}

/**
 * The address of the client: the socket's peer, or — only when the operator said Headway runs
 * behind that many trusted proxies (`--trust-proxy`) — the X-Forwarded-For entry that the
 * outermost trusted proxy saw. Entries further left are written by the client and could be
 * anything, so they are never used.
 * @returns the address, or null when there is no connection (in-process requests).
 */
export function clientAddressOf(c: Context<AppEnv>): string | null {
  const hops = c.get('deps').trustProxy ?? 0;
  if (hops > 0) {
    const forwarded = (c.req.header('x-forwarded-for') ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const seen = forwarded[Math.max(0, forwarded.length - hops)];
    if (seen && isIP(normalize(seen))) return normalize(seen);
  }
  const socket = socketAddressOf(c);
  return socket ? normalize(socket) : null;
}

/** Expands an IPv6 address to its eight groups ("2001:db8::1" → 2001 db8 0 0 0 0 0 1). */
function ipv6Groups(address: string): string[] {
  const [head = '', tail] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const missing = 8 - left.length - right.length;
  return [...left, ...Array<string>(Math.max(0, missing)).fill('0'), ...right];
}

/**
 * The key per-address limits count under, or null when they do not apply: an IPv6 client is
 * counted per /64 (one subscriber's network, which it can renumber at will); loopback is the
 * operator's own machine, or a local proxy that was not declared trusted, where one counter
 * would lock every user out at once, so only the per-account limits hold there.
 */
export function addressLimitKey(address: string | null): string | null {
  if (!address) return null;
  const version = isIP(address);
  if (version === 4) return address.startsWith('127.') ? null : address;
  if (version === 6) {
    if (address === '::1') return null;
    return `${ipv6Groups(address).slice(0, 4).join(':')}::/64`;
  }
  return null;
}
