// The list of articles in the library, newest first.
import type { ArticleSummary } from '../../electron/shared/model';
import { h } from './dom';

export function renderLibraryList(
  list: HTMLElement,
  articles: ArticleSummary[],
  currentId: string | null,
  open: (id: string) => void,
): void {
  const sorted = [...articles].sort((a, b) => b.importedAt.localeCompare(a.importedAt));
  list.replaceChildren(
    ...sorted.map((article) => {
      const count = article.highlightCount;
      const button = h(
        'button',
        { type: 'button', class: 'article-link', 'aria-current': article.id === currentId ? 'page' : undefined },
        h('span', { class: 'article-title' }, article.title),
        h('span', { class: 'article-meta' }, `${count} highlight${count === 1 ? '' : 's'}`),
      );
      button.addEventListener('click', () => open(article.id));
      return h('li', {}, button);
    }),
  );
  if (articles.length === 0) {
    list.append(h('li', { class: 'empty' }, 'Your library is empty. Open a text article to start reading.'));
  }
}
