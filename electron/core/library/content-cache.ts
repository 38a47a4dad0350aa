// Article texts read recently, kept so that switching between a few articles and saving highlights
// into them does not read and parse their HTML again each time; bounded by count and by characters,
// as one book-length article can outweigh many short ones. The most recently used stays whatever
// its size: it is the one being read, so its weight is counted as at most the whole allowance
// (which then holds it alone) rather than refused.
import { LRUCache } from 'lru-cache';
import type { ArticleContent } from '../sanitize/article-text';

export const KEPT_CONTENTS = 32;
export const KEPT_CONTENT_CHARS = 8_000_000;

export class ContentCache {
  private readonly contents = new LRUCache<string, ArticleContent>({
    max: KEPT_CONTENTS,
    maxSize: KEPT_CONTENT_CHARS,
    sizeCalculation: (content) => Math.min(KEPT_CONTENT_CHARS, Math.max(1, content.text.length)),
  });

  /** The kept content, which becomes the most recently used; undefined when not kept. */
  get(id: string): ArticleContent | undefined {
    return this.contents.get(id);
  }

  keep(id: string, content: ArticleContent): void {
    this.contents.set(id, content);
  }

  forget(id: string): void {
    this.contents.delete(id);
  }

  /** The ids kept, most recently used first. */
  ids(): string[] {
    return [...this.contents.keys()];
  }
}
