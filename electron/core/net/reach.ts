// Which addresses a request may connect to. The address the person gives is theirs to choose,
// whatever it is: a page on their own network is theirs to save. What content names (a page's
// pictures, its <base>, its srcset, a redirect) may reach public addresses only, and the one
// private host the article itself came from, at the addresses it was reached at, so a wiki on
// the person's network keeps its pictures while a page from the web never reaches their router.
import { canonicalAddress, isPublicAddress } from './address-kind';

/** The private host an article was fetched from: `host` as in a URL (name and port), and where it was reached. */
export interface ArticleHost {
  host: string;
  addresses: readonly string[];
}

/** Who named the address asked for: the person, or the content of an article (with the private host it came from, if any). */
export type NamedBy = { by: 'person' } | { by: 'content'; articleHost: ArticleHost | null };

export const NAMED_BY_PERSON: NamedBy = { by: 'person' };
export const namedByContent = (articleHost: ArticleHost | null = null): NamedBy => ({ by: 'content', articleHost });

export function mayConnect(url: URL, address: string, named: NamedBy): boolean {
  if (named.by === 'person' || isPublicAddress(address)) return true;
  const own = named.articleHost;
  const canonical = canonicalAddress(address);
  return own !== null && canonical !== null && own.host === url.host && own.addresses.includes(canonical);
}

/** The private host behind a URL reached at these addresses, or null when they are all public. */
export function articleHostOf(url: URL, addresses: readonly string[]): ArticleHost | null {
  const own = addresses.filter((address) => !isPublicAddress(address)).map(canonicalAddress).filter((address) => address !== null);
  return own.length === 0 ? null : { host: url.host, addresses: own };
}
