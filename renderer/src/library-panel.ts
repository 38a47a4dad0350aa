// The library: every article with its site, highlight count and reading progress; sorted and
// filtered by state (reading, archived, trash) and tag; "continue reading" on top; and a search
// box whose results, grouped by article, open the article at the match.
import type { SearchHit } from '../../electron/shared/contract';
import type { ArticleState, ArticleSummary } from '../../electron/shared/model';
import { h } from './dom';

export type SortKey = 'saved' | 'title' | 'read' | 'highlights';

export interface LibraryActions {
  open(id: string, at?: { start: number; end: number }): void;
  setState(id: string, state: ArticleState): void;
  emptyTrash(): void;
  search(query: string): Promise<SearchHit[] | null>;
}

const SORTS: Record<SortKey, (a: ArticleSummary, b: ArticleSummary) => number> = {
  saved: (a, b) => b.importedAt.localeCompare(a.importedAt),
  title: (a, b) => a.title.localeCompare(b.title),
  read: (a, b) => (b.lastReadAt ?? '').localeCompare(a.lastReadAt ?? ''),
  highlights: (a, b) => b.highlightCount - a.highlightCount,
};


function select<T extends string>(label: string, options: [T, string][], value: T): HTMLSelectElement {
  return h('select', { 'aria-label': label }, ...options.map(([v, text]) => h('option', { value: v, selected: v === value }, text)));
}

export class LibraryPanel {
  readonly element: HTMLElement;
  private readonly searchInput = h('input', { type: 'search', class: 'library-search', placeholder: 'Search the library', 'aria-label': 'Search the library' });
  private readonly stateSelect = select<ArticleState>('Show', [['reading', 'Reading'], ['archived', 'Archive'], ['trash', 'Trash']], 'reading');
  private readonly sortSelect = select<SortKey>('Sort by', [['saved', 'Recently saved'], ['title', 'Title'], ['read', 'Last read'], ['highlights', 'Most highlighted']], 'saved');
  private readonly tagSelect = h('select', { 'aria-label': 'Tag' });
  private readonly siteSelect = h('select', { 'aria-label': 'Site' });
  private readonly list = h('ul', { class: 'library-list', id: 'library-list', 'aria-label': 'Articles' });
  private articles: ArticleSummary[] = [];
  private currentId: string | null = null;
  private searchTimer = 0;
  private searchGeneration = 0;

  constructor(private readonly actions: LibraryActions) {
    this.element = h(
      'div',
      { class: 'library-panel' },
      this.searchInput,
      h('div', { class: 'library-controls' }, this.stateSelect, this.sortSelect, this.tagSelect, this.siteSelect),
      this.list,
    );
    for (const control of [this.stateSelect, this.sortSelect, this.tagSelect, this.siteSelect]) control.addEventListener('change', () => this.render());
    this.searchInput.addEventListener('input', () => {
      window.clearTimeout(this.searchTimer);
      this.searchTimer = window.setTimeout(() => void this.runSearch(), 150);
    });
    this.searchInput.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        this.searchInput.value = '';
        this.render();
      }
    });
  }

  update(articles: ArticleSummary[], currentId: string | null): void {
    this.articles = articles;
    this.currentId = currentId;
    const tags = [...new Set(articles.flatMap((a) => a.tags))].sort();
    const chosen = this.tagSelect.value;
    this.tagSelect.replaceChildren(h('option', { value: '' }, 'All tags'), ...tags.map((tag) => h('option', { value: tag, selected: tag === chosen }, `#${tag}`)));
    this.tagSelect.hidden = tags.length === 0;
    const sites = [...new Set(articles.map((a) => a.siteName).filter((s): s is string => s !== null))].sort();
    const site = this.siteSelect.value;
    this.siteSelect.replaceChildren(h('option', { value: '' }, 'All sites'), ...sites.map((s) => h('option', { value: s, selected: s === site }, s)));
    this.siteSelect.hidden = sites.length === 0;
    if (this.searchInput.value.trim() === '') this.render();
  }

  focusSearch(): void {
    this.searchInput.focus();
    this.searchInput.select();
  }

  private row(article: ArticleSummary): HTMLElement {
    const percent = Math.round(article.progress * 100);
    const meta = [article.siteName, `${article.highlightCount} highlight${article.highlightCount === 1 ? '' : 's'}`, percent > 0 ? `${percent}% read` : null].filter(Boolean).join(' · ');
    const open = h(
      'button',
      { type: 'button', class: 'article-link', 'aria-current': article.id === this.currentId ? 'page' : undefined },
      h('span', { class: 'article-title' }, article.title),
      h('span', { class: 'article-meta' }, meta),
      article.tags.length > 0 ? h('span', { class: 'article-tags' }, article.tags.map((t) => `#${t}`).join(' ')) : null,
    );
    open.addEventListener('click', () => this.actions.open(article.id));
    const action = (label: string, state: ArticleState, text: string) => {
      const button = h('button', { type: 'button', class: 'row-action', 'aria-label': `${label}: ${article.title}`, title: label }, text);
      button.addEventListener('click', () => this.actions.setState(article.id, state));
      return button;
    };
    const actions =
      article.state === 'reading'
        ? [action('Archive', 'archived', 'Archive'), action('Move to trash', 'trash', 'Trash')]
        : article.state === 'archived'
          ? [action('Back to reading', 'reading', 'Unarchive'), action('Move to trash', 'trash', 'Trash')]
          : [action('Restore', 'reading', 'Restore')];
    return h('li', { class: 'article-row' }, open, h('span', { class: 'row-actions' }, ...actions));
  }

  private render(): void {
    const state = this.stateSelect.value as ArticleState;
    const tag = this.tagSelect.value;
    const site = this.siteSelect.value;
    const shown = this.articles
      .filter((a) => a.state === state && (tag === '' || a.tags.includes(tag)) && (site === '' || a.siteName === site))
      .sort(SORTS[this.sortSelect.value as SortKey]);
    const rows: HTMLElement[] = [];
    const resume = state === 'reading' ? [...this.articles].filter((a) => a.state === 'reading' && a.id !== this.currentId && a.lastReadAt !== null && a.progress > 0.02 && a.progress < 0.95).sort(SORTS.read)[0] : undefined;
    if (resume !== undefined) {
      const button = h('button', { type: 'button', class: 'continue-reading' }, h('span', { class: 'continue-label' }, 'Continue reading'), h('span', { class: 'article-title' }, resume.title), h('span', { class: 'article-meta' }, `${Math.round(resume.progress * 100)}% read`));
      button.addEventListener('click', () => this.actions.open(resume.id));
      rows.push(h('li', {}, button));
    }
    rows.push(...shown.map((article) => this.row(article)));
    if (shown.length === 0) {
      rows.push(h('li', { class: 'empty' }, state === 'trash' ? 'The trash is empty.' : state === 'archived' ? 'Nothing archived yet.' : 'Your library is empty. Open an article or save a link to start reading.'));
    }
    if (state === 'trash' && shown.length > 0) {
      const empty = h('button', { type: 'button', class: 'danger' }, 'Empty trash…');
      empty.addEventListener('click', () => this.actions.emptyTrash());
      rows.push(h('li', { class: 'trash-actions' }, empty));
    }
    this.list.replaceChildren(...rows);
  }

  private async runSearch(): Promise<void> {
    const query = this.searchInput.value.trim();
    if (query === '') return this.render();
    const generation = ++this.searchGeneration;
    const hits = await this.actions.search(query);
    if (generation !== this.searchGeneration || hits === null) return;
    if (hits.length === 0) {
      this.list.replaceChildren(h('li', { class: 'empty' }, `Nothing matches “${query}”.`));
      return;
    }
    this.list.replaceChildren(
      ...hits.map((hit) =>
        h(
          'li',
          { class: 'search-hit' },
          h('span', { class: 'article-title' }, hit.title),
          ...hit.matches
            .filter((m) => m.kind !== 'title')
            .map((match) => {
              const button = h('button', { type: 'button', class: 'search-match' }, h('span', { class: 'match-kind' }, match.kind), match.snippet.before, h('mark', {}, match.snippet.match), match.snippet.after);
              button.addEventListener('click', () => this.actions.open(hit.articleId, { start: match.start, end: match.end }));
              return button;
            }),
          hit.matches.every((m) => m.kind === 'title')
            ? (() => {
                const button = h('button', { type: 'button', class: 'search-match' }, 'Open article');
                button.addEventListener('click', () => this.actions.open(hit.articleId));
                return button;
              })()
            : null,
        ),
      ),
    );
  }
}
