// Reads a W3C Web Annotation file, Margin's own export or another tool's, into
// drafts the library can anchor: one per target that carries a TextQuoteSelector. The file comes
// from outside, so its shape is checked by zod before anything is read from it; parts Margin does
// not use (other selector kinds, image bodies) are allowed and ignored, malformed parts it does
// use are an error naming where they are.
import { UserError } from '../errors';
import { z } from 'zod';
import { HIGHLIGHT_COLORS, MAX_NOTE_LENGTH, MAX_QUOTE_LENGTH, MAX_TAG_LENGTH, QUOTE_CONTEXT_LENGTH, TagSchema, type HighlightColor, type Selectors } from '../../shared/model';
import { storableInstant } from '../../shared/iso-date';
import { isWebAddress } from '../../shared/web-address';
import { offsetConverter } from '../export/code-points';

export class AnnotationFileError extends UserError {
  override name = 'AnnotationFileError';
}

const QuoteSelector = z.object({
  type: z.literal('TextQuoteSelector'),
  exact: z.string().min(1).max(MAX_QUOTE_LENGTH),
  prefix: z.string().max(MAX_QUOTE_LENGTH).optional(),
  suffix: z.string().max(MAX_QUOTE_LENGTH).optional(),
});
const PositionSelector = z
  .object({ type: z.literal('TextPositionSelector'), start: z.number().int().nonnegative(), end: z.number().int().nonnegative() })
  .refine((p) => p.end > p.start, { message: 'end must be after start' });
// Selectors of other kinds (XPath, CSS, Range...) are allowed and ignored; the two Margin reads
// are checked by their own schema, so an error points at the field that is wrong.
const Selector = z.looseObject({ type: z.string() }).superRefine((selector, context) => {
  const schema = selector.type === 'TextQuoteSelector' ? QuoteSelector : selector.type === 'TextPositionSelector' ? PositionSelector : null;
  const result = schema?.safeParse(selector);
  for (const issue of result?.error?.issues ?? []) {
    context.addIssue({ code: 'custom', message: issue.message, path: [...issue.path] });
  }
});

const ResourceId = z.union([z.string().min(1), z.looseObject({ id: z.string().min(1) }).transform((resource) => resource.id)], {
  error: 'expected a URL or an object with an id',
});

const SpecificResource = z.looseObject({
  source: ResourceId,
  scope: ResourceId.optional(),
  styleClass: z.string().optional(),
  /** Margin's fingerprint of the article text (see web-annotation.ts); anything else is ignored. */
  'schema:sha256': z.unknown().optional(),
  selector: z.union([Selector, z.array(Selector)]).optional(),
});
const Target = z.union([z.string().min(1), SpecificResource], {
  error: 'a target is a URL, or an object with a source (and selectors)',
});

const Body = z.union([
  z.looseObject({
    type: z.literal('TextualBody'),
    value: z.string().max(MAX_NOTE_LENGTH),
    purpose: z.string().optional(),
  }),
  // An IRI or a non-text body (an image, a link): nothing Margin shows, so not read.
  z.string(),
  z.looseObject({ type: z.string().refine((type) => type !== 'TextualBody').optional() }),
]);

const oneOrMany = <T extends z.ZodType>(schema: T) => z.union([schema, z.array(schema)]);

const Annotation = z.looseObject({
  id: z.string().optional(),
  type: z.union([z.literal('Annotation'), z.array(z.string()).refine((types) => types.includes('Annotation'))], {
    error: 'type must be "Annotation"',
  }),
  motivation: oneOrMany(z.string()).optional(),
  created: z.string().optional(),
  modified: z.string().optional(),
  body: oneOrMany(Body).optional(),
  /** The model's shorthand for one plain-text TextualBody. */
  bodyValue: z.string().max(MAX_NOTE_LENGTH).optional(),
  target: oneOrMany(Target),
});
type AnnotationIn = z.infer<typeof Annotation>;

const Page = z.looseObject({ items: z.array(Annotation) }).transform((page) => page.items);
const Collection = z
  .looseObject({
    type: z.literal('AnnotationCollection'),
    first: z.looseObject({ items: z.array(Annotation) }, { error: 'Margin reads collections whose first page is inside the file' }),
  })
  .transform((collection) => collection.first.items);
const List = z.array(Annotation);
const Single = Annotation.transform((annotation) => [annotation]);

/**
 * The schema for the file's outer shape, picked by looking at it first, so an error names what
 * is wrong inside the shape the file has rather than listing every shape it is not.
 */
function schemaFor(json: unknown): z.ZodType<AnnotationIn[]> {
  if (Array.isArray(json)) return List;
  if (typeof json === 'object' && json !== null) {
    if ((json as { type?: unknown }).type === 'AnnotationCollection') return Collection;
    if ('items' in json) return Page;
  }
  return Single;
}

/** One target of one annotation, ready to be anchored in the article it names. */
export interface AnnotationDraft {
  /** The annotation's UUID from a `urn:uuid:` id; null for other ids, or when it has several targets. */
  id: string | null;
  /** The target's `source` as written: a page URL, or `urn:uuid:<Margin article id>`. */
  source: string;
  /** The Margin article id, from a `urn:uuid:` source or scope; null when there is none. */
  articleId: string | null;
  /** The page URL, from an http(s) source; null when there is none. */
  sourceUrl: string | null;
  /** The fingerprint of the article text the file was made from (`textFingerprint`); null when absent. */
  textSha256: string | null;
  quote: { exact: string; prefix: string; suffix: string };
  /** As the file counts it: Unicode code points. Null when the target has no position. */
  codePointPosition: { start: number; end: number } | null;
  color: HighlightColor | null;
  note: string;
  tags: string[];
  createdAt: string | null;
  updatedAt: string | null;
  /** How many of the dates the file gives (created, modified) are no date or outside the years 1 to 9999, and so left unknown. */
  unreadableDates: number;
}

export interface SkippedTarget {
  /** Index of the annotation in the file's list. */
  index: number;
  reason: string;
}

export interface ParsedAnnotationFile {
  drafts: AnnotationDraft[];
  skipped: SkippedTarget[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/iu;

function uuidOf(iri: string | undefined): string | null {
  const rest = iri?.startsWith('urn:uuid:') === true ? iri.slice('urn:uuid:'.length) : null;
  return rest !== null && UUID.test(rest) ? rest.toLowerCase() : null;
}

const isoOrNull = (value: string | undefined): string | null => (value === undefined ? null : storableInstant(value));

/** How many of the annotation's dates are given but cannot be stored. */
const unreadableDatesOf = (annotation: AnnotationIn) => [annotation.created, annotation.modified].filter((date) => date !== undefined && isoOrNull(date) === null).length;

const SHA256 = /^[0-9a-f]{64}$/iu;
const sha256Of = (value: unknown): string | null => (typeof value === 'string' && SHA256.test(value) ? value.toLowerCase() : null);

const asList = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/** A tag from another tool made to fit Margin's rule (no spaces; letters, digits, -, _, /). */
function tagOf(value: string): string | null {
  const tag = value.trim().replace(/^#/u, '').replace(/\s+/gu, '-').replace(/[^\p{L}\p{N}_\-/]/gu, '').slice(0, MAX_TAG_LENGTH);
  return TagSchema.safeParse(tag).success ? tag : null;
}

function readBodies(annotation: AnnotationIn): { note: string; tags: string[] } {
  const motivations = asList(annotation.motivation);
  const notes: string[] = annotation.bodyValue === undefined ? [] : [annotation.bodyValue];
  const tags: string[] = [];
  for (const body of asList(annotation.body)) {
    if (typeof body === 'string' || body.type !== 'TextualBody' || typeof body.value !== 'string') continue;
    const purpose = typeof body.purpose === 'string' ? body.purpose : motivations.includes('tagging') ? 'tagging' : 'commenting';
    if (purpose === 'tagging') {
      const tag = tagOf(body.value);
      if (tag !== null && !tags.includes(tag)) tags.push(tag);
    } else {
      notes.push(body.value);
    }
  }
  return { note: notes.join('\n\n').slice(0, MAX_NOTE_LENGTH), tags };
}

function colorOf(styleClass: string | undefined): HighlightColor | null {
  for (const name of styleClass?.split(/\s+/u) ?? []) {
    const color = name.replace(/^margin-/u, '');
    if ((HIGHLIGHT_COLORS as readonly string[]).includes(color)) return color as HighlightColor;
  }
  return null;
}

function draftsOf(annotation: AnnotationIn, index: number, skipped: SkippedTarget[]): AnnotationDraft[] {
  const targets = asList(annotation.target);
  const { note, tags } = readBodies(annotation);
  const drafts: AnnotationDraft[] = [];
  for (const target of targets) {
    if (typeof target === 'string') {
      skipped.push({ index, reason: `target ${target} names no passage (no selector)` });
      continue;
    }
    const selectors = asList(target.selector);
    // Checked by the Selector schema above, so the casts hold.
    const quote = selectors.find((s) => s.type === 'TextQuoteSelector') as z.infer<typeof QuoteSelector> | undefined;
    const position = selectors.find((s) => s.type === 'TextPositionSelector') as z.infer<typeof PositionSelector> | undefined;
    if (quote === undefined) {
      skipped.push({ index, reason: `target ${target.source} has no TextQuoteSelector` });
      continue;
    }
    drafts.push({
      id: targets.length === 1 ? uuidOf(annotation.id) : null,
      source: target.source,
      articleId: uuidOf(target.source) ?? uuidOf(target.scope),
      sourceUrl: isWebAddress(target.source) ? target.source.trim() : null,
      textSha256: sha256Of(target['schema:sha256']),
      quote: { exact: quote.exact, prefix: quote.prefix ?? '', suffix: quote.suffix ?? '' },
      codePointPosition: position === undefined ? null : { start: position.start, end: position.end },
      color: colorOf(target.styleClass),
      note,
      tags,
      createdAt: isoOrNull(annotation.created),
      updatedAt: isoOrNull(annotation.modified),
      unreadableDates: unreadableDatesOf(annotation),
    });
  }
  return drafts;
}

/** Checks and reads parsed JSON; throws AnnotationFileError saying what is wrong and where. */
export function readWebAnnotations(json: unknown): ParsedAnnotationFile {
  const parsed = schemaFor(json).safeParse(json);
  if (!parsed.success) {
    throw new AnnotationFileError(`This is not a W3C Web Annotation file Margin can read (${parsed.error.issues[0]?.path.join('.') || 'top level'}: ${parsed.error.issues[0]?.message ?? 'unexpected contents'}).`);
  }
  const items = parsed.data;
  const skipped: SkippedTarget[] = [];
  const drafts = items.flatMap((annotation, index) => draftsOf(annotation, index, skipped));
  return { drafts, skipped };
}

/** Reads a file's text: JSON first, then the checks of `readWebAnnotations`. */
export function parseWebAnnotationFile(text: string): ParsedAnnotationFile {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\ufeff/u, ''));
  } catch {
    throw new AnnotationFileError('The annotation file is not valid JSON.');
  }
  return readWebAnnotations(json);
}

const isLowSurrogate = (text: string, index: number) => {
  const code = text.charCodeAt(index);
  return code >= 0xdc00 && code <= 0xdfff;
};

/** At most `limit` UTF-16 units taken from one end, never splitting a surrogate pair. */
function keepEnd(text: string, limit: number): string {
  let cut = Math.max(0, text.length - limit);
  if (cut > 0 && isLowSurrogate(text, cut)) cut++;
  return text.slice(cut);
}

function keepStart(text: string, limit: number): string {
  let cut = Math.min(text.length, limit);
  if (cut < text.length && isLowSurrogate(text, cut)) cut--;
  return text.slice(0, cut);
}

/**
 * The selectors of drafts in Margin's terms, for the anchoring engine (`resolve`): the
 * position converted from code points to UTF-16 against the article's text, context trimmed to
 * what the model keeps. When the file gave no usable position, the position is only a hint at
 * the text's start; the engine then finds the quote by searching. Made once per article so its
 * drafts share one scan of the text.
 */
export function draftSelectorsFor(articleText: string): (draft: AnnotationDraft) => Selectors {
  const converter = offsetConverter(articleText);
  return (draft) => {
    const start = draft.codePointPosition === null ? null : converter.toUtf16(draft.codePointPosition.start);
    const end = draft.codePointPosition === null ? null : converter.toUtf16(draft.codePointPosition.end);
    const position = start !== null && end !== null && end > start ? { start, end } : { start: 0, end: draft.quote.exact.length };
    return {
      quote: {
        type: 'TextQuoteSelector',
        exact: draft.quote.exact,
        prefix: keepEnd(draft.quote.prefix, QUOTE_CONTEXT_LENGTH),
        suffix: keepStart(draft.quote.suffix, QUOTE_CONTEXT_LENGTH),
      },
      position: { type: 'TextPositionSelector', ...position },
    };
  };
}
