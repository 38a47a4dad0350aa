// The anchoring engine's public face, so the store, the CLI and the renderer import one place.
export { describeSpan } from './describe';
export { findQuoteOccurrences, type Occurrence } from './find-quote';
export { NEEDS_REVIEW_BELOW, ORPHAN_BELOW, needsReview, type Anchor, type AnchorStatus, type Candidate, type Span } from './anchor';
export { resolve, quoteIsAt } from './resolve';
export { anchorAll } from './anchor-all';
export { reanchorAll } from './reanchor';
export { diffTexts, type Edit } from './text-diff';
