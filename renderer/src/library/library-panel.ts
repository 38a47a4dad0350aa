// The library: every article with its site, highlight count and reading progress; sorted and
// filtered by state (reading, archived, trash) and tag; "continue reading" on top; and a search
// box whose results, grouped by article, open the article at the match.
import type { SearchAnswer } from '../../../electron/shared/contract';
import type { ArticleState, ArticleSummary } from '../../../electron/shared/model';
import morphdom from 'morphdom';
import { h } from '../dom';
import { keepFocusInList } from '../shell/focus-return';

export type SortKey = 'saved' | 'title' | 'read' | 'highlights';

export interface LibraryActions {
  open(id: string, at?: { start: number; end: number }): void;
  setState(id: string, state: ArticleState): void;
  emptyTrash(): void;
  search(query: string): Promise<SearchAnswer | null>;
}

const SORTS: Record<SortKey, (a: ArticleSummary, b: ArticleSummary) => number> = {
  saved: (a, b) => b.importedAt.localeCompare(a.importedAt),
  title: (a, b) => a.title.localeCompare(b.title),
  read: (a, b) => (b.lastReadAt ?? '').localeCompare(a.lastReadAt ?? ''),
  highlights: (a, b) => b.highlightCount - a.highlightCount,
};


/** Everything about the articles that the rows, their order or the filters depend on. */
function fingerprint(articles: readonly ArticleSummary[]): string {
  return articles
    .map((a) => [a.id, a.title, a.siteName, a.excerpt, a.importedAt, a.highlightCount, a.state, a.tags.join(' '), a.lastReadAt, a.progress].join('\u0000'))
    .join('\u0001');
}

function select<T extends string>(label: string, options: [T, string][], value: T): HTMLSelectElement {
  return h('select', { 'aria-label': label }, ...options.map(([v, text]) => h('option', { value: v, selected: v === value }, text)));
}

export class LibraryPanel {
  readonly element: HTMLElement;
  private readonly searchInput = h('input', {
    type: 'search',
    class: 'library-search',
    placeholder: 'Search the library',
    'aria-label': 'Search the library',
    title: 'Words, "a phrase", -word to leave out, tag:NAME, color:NAME',
  });
  private readonly stateSelect = select<ArticleState>('Show', [['reading', 'Reading'], ['archived', 'Archive'], ['trash', 'Trash']], 'reading');
  private readonly sortSelect = select<SortKey>('Sort by', [['saved', 'Recently saved'], ['title', 'Title'], ['read', 'Last read'], ['highlights', 'Most highlighted']], 'saved');
  private readonly tagSelect = h('select', { 'aria-label': 'Tag' });
  private readonly siteSelect = h('select', { 'aria-label': 'Site' });
  private readonly list = h('ul', { class: 'library-list', id: 'library-list', 'aria-label': 'Articles' });
  private articles: ArticleSummary[] = [];
  private currentId: string | null = null;
  private searchTimer = 0;
  /** Says how far the search index has got while it is being built; the search is asked again until it is. */
  private readonly searchStatus = h('p', { class: 'search-status', role: 'status' });
  private searchGeneration = 0;
  /**
   * What the list shows now: when only the open article changed (the app re-sends the list as
   * each article opens), `aria-current` moves rather than a thousand rows being built again.
   */
  private shown: { fingerprint: string; resumeId: string | undefined; rows: Map<string, HTMLElement> } | null = null;

  constructor(private readonly actions: LibraryActions) {
    this.element = h(
      'div',
      { class: 'library-panel' },
      this.searchInput,
      this.searchStatus,
      h('div', { class: 'library-controls' }, this.stateSelect, this.sortSelect, this.tagSelect, this.siteSelect),
      this.list,
    );
    for (const control of [this.stateSelect, this.sortSelect, this.tagSelect, this.siteSelect]) control.addEventListener('change', () => this.render());
    // One listener for every row's buttons: a thousand rows would otherwise add three thousand.
    this.list.addEventListener('click', (event) => {
      const button = event.target instanceof Element ? event.target.closest<HTMLElement>('button[data-article]') : null;
      const id = button?.dataset.article;
      if (button === null || id === undefined || !this.list.contains(button)) return;
      const state = button.dataset.state as ArticleState | undefined;
      if (state !== undefined) this.actions.setState(id, state);
      else this.actions.open(id);
    });
    this.searchInput.addEventListener('input', () => {
      window.clearTimeout(this.searchTimer);
      this.searchTimer = window.setTimeout(() => void this.runSearch(), 150);
    });
    this.searchInput.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        this.searchInput.value = '';
        this.searchStatus.textContent = '';
        this.render();
      }
    });
  }

  update(articles: ArticleSummary[], currentId: string | null): void {
    const shown = this.shown;
    const previousId = this.currentId;
    this.articles = articles;
    this.currentId = currentId;
    // The app may change a summary in place (a highlight count), so the rows are compared by what they show.
    if (shown !== null && shown.fingerprint === fingerprint(articles) && this.resume()?.id === shown.resumeId) {
      const link = (id: string | null) => (id === null ? null : (shown.rows.get(id)?.querySelector('.article-link') ?? null));
      link(previousId)?.removeAttribute('aria-current');
      link(currentId)?.setAttribute('aria-current', 'page');
      return;
    }
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

  /** Puts the focus on an article's row (the first row when it is not listed); false when the list is empty. */
  focusRow(id: string | null): boolean {
    const rows = [...this.list.querySelectorAll<HTMLElement>('.article-link')];
    const row = rows.find((r) => r.dataset.article === id) ?? rows[0];
    row?.focus();
    return row !== undefined;
  }

  /** From the focused row to the next (1) or previous (-1); false when the focus is not on a row. */
  stepRow(direction: 1 | -1): boolean {
    const rows = [...this.list.querySelectorAll<HTMLElement>('.continue-reading, .article-link')];
    const at = rows.findIndex((row) => row.contains(document.activeElement));
    if (at === -1) return false;
    rows[Math.min(rows.length - 1, Math.max(0, at + direction))]?.focus();
    return true;
  }

  focusSearch(): void {
    this.searchInput.focus();
    this.searchInput.select();
  }

  private row(article: ArticleSummary): HTMLElement {
    const percent = Math.round(article.progress * 100);
    const meta = [article.siteName, `${article.highlightCount} highlight${article.highlightCount === 1 ? '' : 's'}`, percent > 0 ? `${percent}% read` : null].filter(Boolean).join(' · ');
    // The excerpt describes the button rather than naming it: a screen reader says the title first.
    const excerptId = article.excerpt === null ? undefined : `excerpt-${article.id}`;
    const open = h(
      'button',
      { type: 'button', class: 'article-link', 'data-article': article.id, 'aria-current': article.id === this.currentId ? 'page' : undefined, 'aria-describedby': excerptId },
      h('span', { class: 'article-title' }, article.title),
      h('span', { class: 'article-meta' }, meta),
      article.tags.length > 0 ? h('span', { class: 'article-tags' }, article.tags.map((t) => `#${t}`).join(' ')) : null,
      article.excerpt === null ? null : h('span', { class: 'article-excerpt', id: excerptId, dir: 'auto', 'aria-hidden': 'true' }, article.excerpt),
    );
    const action = (label: string, state: ArticleState, text: string) =>
      h('button', { type: 'button', class: 'row-action', 'data-article': article.id, 'data-state': state, 'aria-label': `${label}: ${article.title}`, title: label }, text);
    const actions =
      article.state === 'reading'
        ? [action('Archive', 'archived', 'Archive'), action('Move to trash', 'trash', 'Trash')]
        : article.state === 'archived'
          ? [action('Back to reading', 'reading', 'Unarchive'), action('Move to trash', 'trash', 'Trash')]
          : [action('Restore', article.trashedFrom ?? 'reading', 'Restore')];
    return h('li', { class: 'article-row', 'data-key': article.id }, h('div', { class: 'row-body' }, open, h('span', { class: 'row-actions' }, ...actions)));
  }

  /** The article to offer under "Continue reading": the last one read, partly, other than the open one. */
  private resume(): ArticleSummary | undefined {
    if (this.stateSelect.value !== 'reading') return undefined;
    let best: ArticleSummary | undefined;
    for (const a of this.articles) {
      if (a.state !== 'reading' || a.id === this.currentId || a.lastReadAt === null || a.progress <= 0.02 || a.progress >= 0.95) continue;
      if (best === undefined || SORTS.read(a, best) < 0) best = a;
    }
    return best;
  }

  private render(): void {
    const state = this.stateSelect.value as ArticleState;
    const tag = this.tagSelect.value;
    const site = this.siteSelect.value;
    const shown = this.articles
      .filter((a) => a.state === state && (tag === '' || a.tags.includes(tag)) && (site === '' || a.siteName === site))
      .sort(SORTS[this.sortSelect.value as SortKey]);
    const rows = document.createDocumentFragment();
    const resume = this.resume();
    if (resume !== undefined) {
      const button = h('button', { type: 'button', class: 'continue-reading', 'data-article': resume.id }, h('span', { class: 'continue-label' }, 'Continue reading'), h('span', { class: 'article-title' }, resume.title), h('span', { class: 'article-meta' }, `${Math.round(resume.progress * 100)}% read`));
      rows.append(h('li', { 'data-key': 'continue-reading' }, button));
    }
    const byId = new Map<string, HTMLElement>();
    for (const article of shown) {
      const row = this.row(article);
      byId.set(article.id, row);
      rows.append(row);
    }
    if (shown.length === 0) {
      rows.append(h('li', { class: 'empty' }, state === 'trash' ? 'The trash is empty.' : state === 'archived' ? 'Nothing archived yet.' : 'Your library is empty. Open an article or save a link to start reading.'));
    }
    if (state === 'trash' && shown.length > 0) {
      const empty = h('button', { type: 'button', class: 'danger' }, 'Empty trash…');
      empty.addEventListener('click', () => this.actions.emptyTrash());
      rows.append(h('li', { class: 'trash-actions' }, empty));
    }
    // Rows are changed in place, not built again: a click that lands while the list changes (a
    // highlight count or the reading position arriving) stays on the button it started on, and so
    // does the keyboard focus.
    const next = this.list.cloneNode(false) as HTMLElement;
    next.append(rows);
    // A row moved away (to the trash, the archive) passes the focus to the row after it.
    keepFocusInList(this.list, () =>
      morphdom(this.list, next, { childrenOnly: true, getNodeKey: (node) => (node instanceof HTMLElement ? (node.dataset.key ?? node.id) || undefined : undefined) }),
    );
    const kept = new Map<string, HTMLElement>();
    for (const row of this.list.children) {
      const key = row instanceof HTMLElement ? row.dataset.key : undefined;
      if (key !== undefined && byId.has(key)) kept.set(key, row as HTMLElement);
    }
    this.shown = { fingerprint: fingerprint(this.articles), resumeId: resume?.id, rows: kept };
  }

  private async runSearch(): Promise<void> {
    const query = this.searchInput.value.trim();
    window.clearTimeout(this.searchTimer);
    if (query === '') {
      this.searchStatus.textContent = '';
      return this.render();
    }
    this.shown = null;
    const generation = ++this.searchGeneration;
    this.shown = null;
    const answer = await this.actions.search(query);
    if (generation !== this.searchGeneration || answer === null) return;
    if (answer.indexing !== null) {
      this.searchStatus.textContent = `Indexing, ${answer.indexing.done} of ${answer.indexing.total} articles`;
      this.list.replaceChildren();
      this.searchTimer = window.setTimeout(() => void this.runSearch(), 400);
      return;
    }
    this.searchStatus.textContent = '';
    const { hits } = answer;
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
