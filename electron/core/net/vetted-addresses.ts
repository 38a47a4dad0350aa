// The addresses a request may connect to, decided before any connection is made: the host's
// addresses (an IP written in the URL, or what the resolver answers for its name) that reach.ts
// allows. The connection then goes to these addresses and no other (web-access.ts), so a name
// that answers differently a moment later (DNS rebinding) gains nothing.
import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { UserError } from '../errors';
import { mayConnect, type NamedBy } from './reach';

/** A host name's addresses, as the system's resolver gives them (tests map made-up names). */
export type Lookup = (hostname: string) => Promise<string[]>;

export const systemLookup: Lookup = async (hostname) => (await dnsLookup(hostname, { all: true, verbatim: true })).map((entry) => entry.address);

export const LOCAL_NETWORK = 'an address on this computer or its local network';

/** A request refused because content named an address on this computer or its network. */
export class LocalAddressRefused extends UserError {}

/** The URL's host without the brackets an IPv6 address is written in. */
export function bareHostname(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/u, '$1');
}

export async function vettedAddresses(url: URL, named: NamedBy, lookup: Lookup): Promise<string[]> {
  const hostname = bareHostname(url);
  const all = isIP(hostname) === 0 ? await lookup(hostname) : [hostname];
  if (all.length === 0) throw new Error(`${hostname} has no address`);
  const allowed = all.filter((address) => mayConnect(url, address, named));
  if (allowed.length === 0) throw new LocalAddressRefused(`${url.host} is ${LOCAL_NETWORK}, which an article may not reach.`);
  return allowed;
}
