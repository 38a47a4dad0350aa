// Article texts read recently, kept so that switching between a few articles and saving highlights
// into them does not read and parse their HTML again each time; bounded by count and by characters,
// as one book-length article can outweigh many short ones. The most recently used stays whatever
// its size: it is the one being read.
import type { ArticleContent } from '../sanitize/article-text';

const KEPT_CONTENTS = 32;
const KEPT_CONTENT_CHARS = 8_000_000;

export class ContentCache {
  /** Least recently used first. */
  private readonly contents = new Map<string, ArticleContent>();
  private chars = 0;

  /** The kept content, which becomes the most recently used; undefined when not kept. */
  get(id: string): ArticleContent | undefined {
    const cached = this.contents.get(id);
    if (cached !== undefined) this.keep(id, cached);
    return cached;
  }

  keep(id: string, content: ArticleContent): void {
    this.forget(id);
    this.contents.set(id, content);
    this.chars += content.text.length;
    for (const oldId of this.contents.keys()) {
      if (oldId === id || (this.contents.size <= KEPT_CONTENTS && this.chars <= KEPT_CONTENT_CHARS)) break;
      this.forget(oldId);
    }
  }

  forget(id: string): void {
    const cached = this.contents.get(id);
    if (cached === undefined) return;
    this.contents.delete(id);
    this.chars -= cached.text.length;
  }
}
