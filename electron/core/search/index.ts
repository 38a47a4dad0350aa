// The search core's public face: what the CLI, the handler table and the tests import.
export { SearchIndex, type IndexLoadState, type SearchIndexOptions } from './search-index';
export { INDEX_FILE_NAME, TEXT_DIR_NAME, type FileWriter } from './index-file';
export type {
  SearchAnnotation,
  SearchArticle,
  SearchArticleMeta,
  SearchMatch,
  SearchMatchKind,
  SearchOptions,
  SearchResult,
  SearchSnippet,
} from './types';
