// One jsdom document per imported page, shared by every step (Readability, figures, images,
// sanitizing, text). No page script runs and nothing is fetched; the page's console and jsdom's
// own complaints ("Could not parse CSS stylesheet") go nowhere near the person.
import { JSDOM, VirtualConsole } from 'jsdom';

export function parsePage(html: string, url: string): JSDOM {
  return new JSDOM(html, { url, virtualConsole: new VirtualConsole(), contentType: 'text/html' });
}
