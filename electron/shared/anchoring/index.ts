// The anchoring engine's public face: everything outside this folder imports from here, so the
// files behind it can be rearranged without touching the store, the CLI, exports or the renderer.
export { describeSpan } from './describe';
export { findQuoteOccurrences, quoteFinder } from './find-quote';
export { foldTypography } from './fold';
export { NEEDS_REVIEW_BELOW, needsReview, type Anchor } from './anchor';
export { resolve, quoteIsAt } from './resolve';
export { anchorAll } from './anchor-all';
export { reanchorAll } from './reanchor';
export { carryToRevision } from './carry-revision';
export { diffTexts, type Edit } from './text-diff';
export { wordChanges, type WordPart } from './word-changes';
