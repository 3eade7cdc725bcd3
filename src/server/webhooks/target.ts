/**
 * Where a webhook may be sent. A workspace names the URL, so without a check anyone who may add
 * an endpoint could make the server post to its own loopback, the private network or a cloud's
 * metadata service. Only public unicast addresses pass, unless the operator allows more
 * (HEADWAY_WEBHOOKS_ALLOW_PRIVATE=1, or CIDR ranges in HEADWAY_WEBHOOKS_ALLOW). The check runs on
 * every address a name resolves to, and the request then connects to the address checked.
 */
import { lookup } from 'node:dns/promises';
import ipaddr from 'ipaddr.js';
import { AppError } from '../errors';

/** Turns a host name into its addresses (stubbed in tests, so no test asks a real resolver). */
export type Resolve = (host: string) => Promise<string[]>;

/** The system resolver, every address of the name. */
export const resolveWithSystem: Resolve = async (host) =>
  (await lookup(host, { all: true, verbatim: true })).map((entry) => entry.address);

/** What the operator allows beyond public addresses. */
export interface TargetPolicy {
  /** Private, loopback, link-local and the like (never the metadata addresses, unless listed). */
  allowPrivate: boolean;
  /** Ranges allowed whatever they are, e.g. `10.1.0.0/16` or `127.0.0.1/32`. */
  allowList: readonly [ipaddr.IPv4 | ipaddr.IPv6, number][];
}

export const STRICT_POLICY: TargetPolicy = { allowPrivate: false, allowList: [] };

/** Cloud metadata services: AWS, GCP, Azure and others on IPv4, AWS's on IPv6. */
const METADATA = ['169.254.169.254', 'fd00:ec2::254'];

const REASONS: Record<string, string> = {
  loopback: 'a loopback address (this server itself)',
  linkLocal: 'a link-local address',
  private: 'a private network address',
  carrierGradeNat: 'a carrier-grade NAT address',
  uniqueLocal: 'a unique-local IPv6 address (a private network)',
  ipv4Mapped: 'an IPv4-mapped IPv6 address',
  unspecified: 'the unspecified address',
  multicast: 'a multicast address',
  broadcast: 'the broadcast address',
};

/**
 * The operator's policy from the environment: HEADWAY_WEBHOOKS_ALLOW_PRIVATE=1 and
 * HEADWAY_WEBHOOKS_ALLOW (comma-separated CIDR ranges).
 * @throws Error naming the range that is not a CIDR range
 */
export function readTargetPolicy(env: NodeJS.ProcessEnv): TargetPolicy {
  const allowList = (env.HEADWAY_WEBHOOKS_ALLOW ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((range) => {
      try {
        return ipaddr.parseCIDR(range);
      } catch {
        throw new Error(`HEADWAY_WEBHOOKS_ALLOW: "${range}" is not a CIDR range such as 10.1.0.0/16`);
      }
    });
  return { allowPrivate: env.HEADWAY_WEBHOOKS_ALLOW_PRIVATE === '1', allowList };
}

/**
 * Why an address may not be reached under the policy, or null when it may.
 * @param address an IPv4 or IPv6 address as text
 */
export function refuseAddress(address: string, policy: TargetPolicy): string | null {
  if (!ipaddr.isValid(address)) return `"${address}" is not an IP address`;
  const parsed = ipaddr.parse(address);
  if (policy.allowList.some((range) => parsed.kind() === range[0].kind() && parsed.match(range))) {
    return null;
  }
  const isMetadata = METADATA.some((m) => ipaddr.parse(m).toString() === parsed.toString());
  if (isMetadata) return `${address} is a cloud metadata address`;
  const range = parsed.range();
  if (range === 'unicast' || policy.allowPrivate) return null;
  return `${address} is ${REASONS[range] ?? `a special-purpose address (${range})`}`;
}

/** The host of a URL as an address when it is one (brackets of IPv6 removed), else null. */
export function literalAddress(url: URL): string | null {
  const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  return ipaddr.isValid(host) && (host.includes(':') || ipaddr.IPv4.isValidFourPartDecimal(host))
    ? host
    : null;
}

/**
 * Checks a URL when an endpoint is registered: http or https, no credentials, and no literal
 * address (or `localhost`) that the policy refuses. Names are checked again at each delivery.
 * @throws AppError `validation_failed` saying what to change
 */
export function checkWebhookUrl(text: string, policy: TargetPolicy): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw invalid(`"${text}" is not a URL: send one such as https://hooks.example.com/headway`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw invalid(`Webhooks are sent over https or http, not ${url.protocol.slice(0, -1)}`);
  }
  if (url.username || url.password) {
    throw invalid('Leave credentials out of the URL: verify deliveries with the signing secret');
  }
  const host = url.hostname.toLowerCase();
  const address = host === 'localhost' || host.endsWith('.localhost') ? '127.0.0.1' : literalAddress(url);
  const refusal = address === null ? null : refuseAddress(address, policy);
  if (refusal) {
    throw invalid(`Webhooks cannot be sent to ${url.hostname}: ${refusal}; use a public address`);
  }
  return url;
}

function invalid(message: string): AppError {
  return new AppError('validation_failed', message, { details: { field: 'url' } });
}

/**
 * The address to connect to for a URL: its literal address, or the first address its name
 * resolves to, once every address the name resolves to has passed the policy (a name with one
 * forbidden answer is refused whole, so a resolver cannot be raced between answers).
 * @returns the address and its family, or the reason it is refused
 */
export async function resolveTarget(
  url: URL,
  options: { resolve: Resolve; policy: TargetPolicy },
): Promise<{ address: string; family: 4 | 6 } | { refused: string }> {
  const literal = literalAddress(url);
  let addresses: string[];
  try {
    addresses = literal ? [literal] : await options.resolve(url.hostname);
  } catch {
    return { refused: `${url.hostname} does not resolve` };
  }
  if (addresses.length === 0) return { refused: `${url.hostname} does not resolve` };
  for (const address of addresses) {
    const refusal = refuseAddress(address, options.policy);
    if (refusal) return { refused: `${url.hostname} resolves to ${refusal}` };
  }
  const [first] = addresses as [string, ...string[]];
  return { address: first, family: ipaddr.parse(first).kind() === 'ipv6' ? 6 : 4 };
}
