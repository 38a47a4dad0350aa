// The address rules on their own: which addresses count as this computer or its network, and
// which an article may reach. The import tests (private-addresses.test.ts) prove the same rules
// hold where a person meets them, with a recording server standing for their router.
import { describe, expect, it } from 'vitest';
import { isPublicAddress } from '../../electron/core/net/address-kind';
import { NAMED_BY_PERSON, articleHostOf, mayConnect, namedByContent } from '../../electron/core/net/reach';
import { LocalAddressRefused, vettedAddresses } from '../../electron/core/net/vetted-addresses';

const NOT_PUBLIC = [
  ['loopback', '127.0.0.1'],
  ['loopback, anywhere in 127/8', '127.45.6.7'],
  ['private 10/8', '10.1.2.3'],
  ['private 172.16/12', '172.31.255.254'],
  ['private 192.168/16', '192.168.1.1'],
  ['carrier-grade NAT 100.64/10', '100.64.0.1'],
  ['link-local (cloud metadata)', '169.254.169.254'],
  ['multicast 224/4', '224.0.0.251'],
  ['broadcast', '255.255.255.255'],
  ['unspecified 0.0.0.0', '0.0.0.0'],
  ['this network 0/8', '0.1.2.3'],
  ['reserved 240/4', '240.0.0.1'],
  ['IPv6 loopback', '::1'],
  ['IPv6 unspecified', '::'],
  ['IPv6 unique-local fc00::/7', 'fd12:3456::1'],
  ['IPv6 unique-local fc00::', 'fc00::1'],
  ['IPv6 link-local', 'fe80::1'],
  ['IPv6 link-local with a zone', 'fe80::1%eth0'],
  ['IPv6 multicast', 'ff02::1'],
  ['IPv4-mapped loopback', '::ffff:127.0.0.1'],
  ['IPv4-mapped private', '::ffff:192.168.0.10'],
  ['IPv4-mapped, written in hex', '::ffff:7f00:1'],
  ['NAT64 of loopback', '64:ff9b::7f00:1'],
  ['NAT64 of a private address', '64:ff9b::c0a8:101'],
  ['6to4 (carries any IPv4)', '2002:7f00:1::1'],
  ['Teredo', '2001:0:4136:e378::1'],
  ['documentation', '2001:db8::1'],
  ['not an address', 'router.local'],
] as const;

const PUBLIC = [
  ['an IPv4 web server', '93.184.215.14'],
  ['a public resolver', '8.8.8.8'],
  ['just above 172.16/12', '172.32.0.1'],
  ['just below 100.64/10', '100.63.255.255'],
  ['an IPv6 web server', '2606:4700::6810:84e5'],
  ['IPv4-mapped public', '::ffff:8.8.8.8'],
  ['NAT64 of a public address (an IPv6-only network reaching an IPv4 site)', '64:ff9b::808:808'],
] as const;

describe('which addresses are on this computer or its network', () => {
  it.each(NOT_PUBLIC)('%s (%s) is not public', (_name, address) => expect(isPublicAddress(address)).toBe(false));
  it.each(PUBLIC)('%s (%s) is public', (_name, address) => expect(isPublicAddress(address)).toBe(true));
});

describe('which addresses an article may reach', () => {
  const wiki = new URL('http://wiki.lan:8080/page');
  const own = articleHostOf(wiki, ['192.168.1.5']);

  it('the person may ask any address; content only public ones', () => {
    expect(mayConnect(new URL('http://192.168.1.1/'), '192.168.1.1', NAMED_BY_PERSON)).toBe(true);
    expect(mayConnect(new URL('http://192.168.1.1/'), '192.168.1.1', namedByContent())).toBe(false);
    expect(mayConnect(new URL('https://news.example/'), '93.184.215.14', namedByContent())).toBe(true);
  });

  it('an article from a host on the network may reach that host, at the address it was reached at, and nothing else there', () => {
    expect(own).toEqual({ host: 'wiki.lan:8080', addresses: ['192.168.1.5'] });
    const content = namedByContent(own);
    expect(mayConnect(new URL('http://wiki.lan:8080/img/a.png'), '192.168.1.5', content)).toBe(true);
    expect(mayConnect(new URL('http://wiki.lan:8080/img/a.png'), '::ffff:192.168.1.5', content)).toBe(true);
    // The same name answering another address (rebinding), another port, another name for the same machine.
    expect(mayConnect(new URL('http://wiki.lan:8080/img/a.png'), '127.0.0.1', content)).toBe(false);
    expect(mayConnect(new URL('http://wiki.lan:9090/img/a.png'), '192.168.1.5', content)).toBe(false);
    expect(mayConnect(new URL('http://192.168.1.5:8080/img/a.png'), '192.168.1.5', content)).toBe(false);
  });

  it('an article from the web has no host on the network', () => {
    expect(articleHostOf(new URL('https://news.example/story'), ['93.184.215.14'])).toBeNull();
  });

  it('a name is judged by every address it has: the private ones are left out, and with none left it is refused', async () => {
    const lookup = async () => ['127.0.0.1', '93.184.215.14', '10.0.0.1'];
    expect(await vettedAddresses(new URL('https://mixed.example/a.png'), namedByContent(), lookup)).toEqual(['93.184.215.14']);
    const privateOnly = async () => ['127.0.0.1', '::1'];
    await expect(vettedAddresses(new URL('https://rebound.example/a.png'), namedByContent(), privateOnly)).rejects.toBeInstanceOf(LocalAddressRefused);
  });

  it('an address written as an IP is judged as itself, without asking any resolver', async () => {
    const lookup = async (): Promise<string[]> => {
      throw new Error('no resolver should be asked');
    };
    await expect(vettedAddresses(new URL('http://[::1]:18081/'), namedByContent(), lookup)).rejects.toThrow('[::1]:18081 is an address on this computer or its local network, which an article may not reach.');
    await expect(vettedAddresses(new URL('http://2130706433/'), namedByContent(), lookup)).rejects.toBeInstanceOf(LocalAddressRefused);
    await expect(vettedAddresses(new URL('http://0x7f.1/'), namedByContent(), lookup)).rejects.toBeInstanceOf(LocalAddressRefused);
    expect(await vettedAddresses(new URL('http://8.8.8.8/'), namedByContent(), lookup)).toEqual(['8.8.8.8']);
  });
});
