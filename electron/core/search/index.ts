// The search core's public face: what the CLI, the handler table and the tests import.
export { SearchIndex } from './search-index';
export { INDEX_FILE_NAME, TEXT_DIR_NAME } from './index-file';
export type { SearchAnnotation, SearchArticle, SearchResult } from './types';
