// Links inside an article that lead to a place in it (footnotes and their "back" links, a table of
// contents): the reader scrolls its own pane to the place rather than letting the click navigate,
// so the app's address never changes and nothing leaves the page. The sanitizer namespaced every
// id and rewrote the links to match, so a target is looked up inside the article only.

function targetOf(body: HTMLElement, href: string): HTMLElement | null {
  let id: string;
  try {
    id = decodeURIComponent(href.slice(1));
  } catch {
    id = href.slice(1);
  }
  if (id === '') return body;
  return body.querySelector<HTMLElement>(`[id="${CSS.escape(id)}"]`);
}

export function followInPageLinks(body: HTMLElement): void {
  body.addEventListener('click', (event) => {
    const link = event.target instanceof Element ? event.target.closest('a[href^="#"]') : null;
    if (link === null || !body.contains(link)) return;
    event.preventDefault();
    const target = targetOf(body, link.getAttribute('href') ?? '#');
    if (target !== null) showPlace(target, event.detail === 0);
  });
}

/**
 * Scrolls the reader's pane to a place in the article. From the keyboard, focus follows, so the
 * next Tab and a screen reader go on from there (a tabindex is an attribute: the text that
 * highlights count in is untouched).
 */
export function showPlace(target: HTMLElement, moveFocus: boolean): void {
  const instant = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  target.scrollIntoView({ block: 'start', behavior: instant ? 'auto' : 'smooth' });
  if (moveFocus) {
    if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
    target.focus({ preventScroll: true });
  }
}
