// What a page's <base href> may change. A page fetched from the web resolves its relative links
// and pictures against its <base>, as a browser would, when that base is a web address. A file on
// disk has no base but its own folder: its <base> goes before anything is resolved, so a saved
// page cannot turn "photo.png" into a request to another machine. An in-page link ("#notes")
// stays in the page in both cases: a <base> never makes it a link to somewhere else.
import { parseWebUrl } from '../../../shared/web-address';

const fromWeb = (document: Document) => parseWebUrl(document.URL) !== null;

/** Before pictures are resolved: removes a file's <base>, and a web page's base that is not a web address. */
export function dropForeignBase(document: Document): void {
  const keep = fromWeb(document) && parseWebUrl(document.baseURI) !== null;
  if (!keep) for (const base of Array.from(document.getElementsByTagName('base'))) base.remove();
}

/**
 * After pictures are resolved: every link but an in-page one is made absolute against the base,
 * then the <base> is removed, so what reads the page later (Readability) resolves against the
 * page's own address and keeps "#notes" as it is.
 */
export function settleLinksAgainstBase(document: Document): void {
  const bases = Array.from(document.getElementsByTagName('base'));
  if (bases.length === 0) return;
  const base = document.baseURI;
  for (const link of Array.from(document.getElementsByTagName('a'))) {
    const href = link.getAttribute('href');
    if (href === null || href.trim().startsWith('#')) continue;
    const resolved = URL.parse(href.trim(), base);
    if (resolved === null) link.removeAttribute('href');
    else link.setAttribute('href', resolved.href);
  }
  for (const element of bases) element.remove();
}
