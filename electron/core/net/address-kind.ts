// Whether an IP address is out on the internet, or on this computer or the networks around it
// (loopback, private, link-local, carrier-grade NAT, multicast, broadcast, unspecified, unique-
// local, documentation and other reserved ranges). ipaddr.js keeps the registry of special
// ranges; the one rule added here is NAT64 (64:ff9b::/96), which an IPv6-only network's DNS64
// uses to reach IPv4 sites: such an address is judged by the IPv4 address it carries.
import ipaddr from 'ipaddr.js';

const NAT64 = ipaddr.parseCIDR('64:ff9b::/96');

/** The address as one spelling (::ffff:127.0.0.1 is 127.0.0.1), for comparing; null when it is none. */
export function canonicalAddress(address: string): string | null {
  try {
    return ipaddr.process(address).toString();
  } catch {
    return null;
  }
}

export function isPublicAddress(address: string): boolean {
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    // process() turns an IPv4-mapped IPv6 address (::ffff:127.0.0.1) into the IPv4 it is.
    parsed = ipaddr.process(address);
  } catch {
    return false;
  }
  if (parsed.kind() === 'ipv6' && parsed.match(NAT64)) {
    return isPublicAddress(ipaddr.fromByteArray(parsed.toByteArray().slice(12)).toString());
  }
  return parsed.range() === 'unicast';
}
