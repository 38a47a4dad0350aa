// Keeps the search index in step with the library and answers queries. Rather than hooking every
// change, it catches up before each search: an article whose metadata or annotations differ from
// what the index holds is re-indexed (cheap to check, no text read), removed articles are dropped,
// and the index is saved afterwards only if something changed.
import type { Library } from '../library/library';
import { SearchIndex } from './search-index';
import type { SearchResult } from './types';

export class LibrarySearch {
  private constructor(
    private readonly library: Library,
    private readonly index: SearchIndex,
  ) {}

  static async open(library: Library): Promise<LibrarySearch> {
    return new LibrarySearch(library, await SearchIndex.open(library.dataDir));
  }

  async search(query: string, limit = 20): Promise<SearchResult[]> {
    await this.catchUp();
    // Trashed articles stay out of results until restored.
    const visible = new Set(this.library.articles().filter((meta) => meta.state !== 'trash').map((meta) => meta.id));
    return this.index.search(query, { limit, filter: (id) => visible.has(id) });
  }

  private async catchUp(): Promise<void> {
    const articles = this.library.articles();
    const present = new Set(articles.map((meta) => meta.id));
    for (const id of this.index.articleIds()) if (!present.has(id)) this.index.removeArticle(id);
    for (const meta of articles) {
      const annotations = await this.library.annotations(meta.id);
      if (!this.index.needsUpdate({ meta, annotations })) continue;
      this.index.upsertArticle({ meta, annotations, text: (await this.library.content(meta.id)).text });
    }
    if (this.index.changed) await this.index.save();
  }
}
