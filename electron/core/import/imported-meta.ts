// The metadata an importer fills in, and where each importer starts from.
import type { ArticleMeta } from '../../shared/model';

export type ImportedMeta = Pick<
  ArticleMeta,
  'title' | 'byline' | 'siteName' | 'sourceUrl' | 'sourceFile' | 'sourcePath' | 'publishedAt' | 'language' | 'direction' | 'format' | 'excerpt'
> &
  // Tags the file itself names (a note's front matter); the article starts with none otherwise.
  Partial<Pick<ArticleMeta, 'tags'>>;

export const NO_META: ImportedMeta = {
  title: '',
  byline: null,
  siteName: null,
  sourceUrl: null,
  sourceFile: null,
  sourcePath: null,
  publishedAt: null,
  language: null,
  direction: null,
  format: 'text',
  excerpt: null,
};
