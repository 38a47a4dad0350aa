// Keeps the search index in step with the library and answers queries. Rather than hooking every
// change, it catches up before each search: an article whose metadata or annotations differ from
// what the index holds is re-indexed, removed articles are dropped, and the index is saved
// afterwards only if something changed. Whether an article's annotations changed is told by
// their file's signature, which the library knows without reading the file, so a search reads
// only the articles changed since the last one, one at a time, and keeps none of them.
import type { Library } from '../library/library';
import { SearchIndex, type SearchIndexOptions } from './search-index';
import type { SearchResult } from './types';

export class LibrarySearch {
  private constructor(
    private readonly library: Library,
    private readonly index: SearchIndex,
  ) {}

  static async open(library: Library, options: SearchIndexOptions = {}): Promise<LibrarySearch> {
    return new LibrarySearch(library, await SearchIndex.open(library.dataDir, options));
  }

  async search(query: string, limit = 20): Promise<SearchResult[]> {
    await this.catchUp();
    // Trashed articles stay out of results until restored.
    const visible = new Set(this.library.articles().filter((meta) => meta.state !== 'trash').map((meta) => meta.id));
    return this.index.search(query, { limit, filter: (id) => visible.has(id), colorLabels: this.library.colorLabels });
  }

  private async catchUp(): Promise<void> {
    const stats = await this.library.annotationStats();
    const articles = this.library.articles();
    const present = new Set(articles.map((meta) => meta.id));
    for (const id of this.index.articleIds()) if (!present.has(id)) this.index.removeArticle(id);
    for (const meta of articles) {
      // Taken before the annotations are read, so a change made meanwhile is seen next time.
      const counted = stats.get(meta.id);
      const stamp = counted === undefined ? null : (counted.signature ?? 'no file');
      if (stamp !== null && this.index.isCurrent(meta, stamp)) continue;
      const annotations = await this.library.annotations(meta.id);
      if (!this.index.needsUpdate({ meta, annotations })) {
        this.index.stampAnnotations(meta.id, stamp);
        continue;
      }
      this.index.upsertArticle({ meta, annotations, text: (await this.library.content(meta.id)).text, annotationsStamp: stamp });
    }
    if (this.index.changed) await this.index.save();
  }
}
