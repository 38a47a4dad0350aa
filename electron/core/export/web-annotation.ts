// W3C Web Annotation export (issue 5, item 4; https://www.w3.org/TR/annotation-model/): an
// AnnotationCollection any conforming tool can read. Colour rides on the standard
// `stylesheet` + `styleClass`; the Margin article id goes in the target's `scope` when the
// source is the page's URL, so an import can find the article either way. The target also
// carries `schema:sha256`, the fingerprint of the text its selectors count in (see
// text-fingerprint.ts), so another library holding the same article under another id and
// without an address still finds it. schema.org is one of the vocabularies the annotation
// context already maps, and the model recommends such a prefixed term for extensions, so the
// file stays plain Web Annotation JSON-LD that other tools read (and ignore the term).
import { randomUUID } from 'node:crypto';
import { HIGHLIGHT_COLORS, type Annotation, type HighlightColor } from '../../shared/model';
import { offsetConverter } from './code-points';
import type { ExportArticle } from './export-article';
import { HIGHLIGHT_TINTS, colorClass } from './highlight-colors';
import { textOf, type ExportText, type TextSink } from './export-text';
import { textFingerprint } from './text-fingerprint';

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

export interface WebAnnotationOptions {
  exportedAt: string;
  /** The collection's UUID; a fresh one when omitted. A parameter so output is reproducible. */
  collectionId?: string;
}

export interface TextualBody {
  type: 'TextualBody';
  value: string;
  purpose: 'commenting' | 'tagging';
  format?: string;
}

export interface WebAnnotation {
  '@context': typeof ANNO_CONTEXT;
  id: string;
  type: 'Annotation';
  motivation: 'highlighting' | 'commenting';
  created: string;
  modified: string;
  body?: TextualBody[];
  target: {
    source: string;
    scope?: string;
    styleClass: string;
    'schema:sha256': string;
    selector: [
      { type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string },
      { type: 'TextPositionSelector'; start: number; end: number },
    ];
  };
  stylesheet: { type: 'CssStylesheet'; value: string };
}

export interface AnnotationCollection {
  '@context': typeof ANNO_CONTEXT;
  id: string;
  type: 'AnnotationCollection';
  label: string;
  generator: { type: 'Software'; name: 'Margin' };
  generated: string;
  total: number;
  first: { type: 'AnnotationPage'; startIndex: 0; items: WebAnnotation[] };
}

export const urnUuid = (uuid: string): string => `urn:uuid:${uuid}`;

// The model puts a stylesheet on each annotation; each carries only the rule for its own colour.
const STYLESHEETS = Object.fromEntries(
  HIGHLIGHT_COLORS.map((color) => [color, { type: 'CssStylesheet' as const, value: `.${colorClass(color)} { background-color: ${HIGHLIGHT_TINTS[color]}; }` }]),
) as Record<HighlightColor, WebAnnotation['stylesheet']>;

function bodies(annotation: Annotation): TextualBody[] {
  const list: TextualBody[] = [];
  if (annotation.note.trim() !== '') {
    list.push({ type: 'TextualBody', value: annotation.note, purpose: 'commenting', format: 'text/markdown' });
  }
  for (const tag of annotation.tags) list.push({ type: 'TextualBody', value: tag, purpose: 'tagging' });
  return list;
}

export function webAnnotations(article: ExportArticle): WebAnnotation[] {
  const converter = offsetConverter(article.text);
  const { sourceUrl, id: articleId } = article.meta;
  if (article.annotations.length === 0) return [];
  const fingerprint = textFingerprint(article.text);
  return article.annotations.map((annotation): WebAnnotation => {
    const { quote, position } = annotation.target;
    const body = bodies(annotation);
    return {
      '@context': ANNO_CONTEXT,
      id: urnUuid(annotation.id),
      type: 'Annotation',
      motivation: annotation.note.trim() === '' ? 'highlighting' : 'commenting',
      created: annotation.createdAt,
      modified: annotation.updatedAt,
      ...(body.length > 0 ? { body } : {}),
      target: {
        source: sourceUrl ?? urnUuid(articleId),
        ...(sourceUrl === null ? {} : { scope: urnUuid(articleId) }),
        styleClass: colorClass(annotation.color),
        'schema:sha256': fingerprint,
        selector: [
          { type: 'TextQuoteSelector', exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix },
          { type: 'TextPositionSelector', start: converter.toCodePoints(position.start), end: converter.toCodePoints(position.end) },
        ],
      },
      stylesheet: STYLESHEETS[annotation.color],
    };
  });
}

export function webAnnotationCollection(articles: readonly ExportArticle[], options: WebAnnotationOptions): AnnotationCollection {
  return webAnnotationCollectionOf(articles.flatMap(webAnnotations), options);
}

function webAnnotationCollectionOf(items: WebAnnotation[], options: WebAnnotationOptions): AnnotationCollection {
  return {
    '@context': ANNO_CONTEXT,
    id: urnUuid(options.collectionId ?? randomUUID()),
    type: 'AnnotationCollection',
    label: 'Margin annotations',
    generator: { type: 'Software', name: 'Margin' },
    generated: options.exportedAt,
    total: items.length,
    first: { type: 'AnnotationPage', startIndex: 0, items },
  };
}

// Each annotation's line is written field by field, in the order and form JSON.stringify gives
// the WebAnnotation above (tests/unit/export-stream.test.ts compares every line with
// `webAnnotations`): building a hundred thousand objects only to serialise them again costs
// half the time of a library-wide export, and building each line as a string as much again.
// Only the person's text goes through JSON.stringify; the rest is fixed words, ids and numbers.
const json = JSON.stringify;
const LINE_START = `      {"@context":${json(ANNO_CONTEXT)},"id":`;
const STYLE_CLASS_JSON = Object.fromEntries(HIGHLIGHT_COLORS.map((color) => [color, json(colorClass(color))])) as Record<HighlightColor, string>;
const CLOSING_JSON = Object.fromEntries(HIGHLIGHT_COLORS.map((color) => [color, `}]},"stylesheet":${json(STYLESHEETS[color])}}`])) as Record<HighlightColor, string>;

function writeBody(sink: TextSink, annotation: Annotation, commenting: boolean): void {
  if (!commenting && annotation.tags.length === 0) return;
  sink.write(',"body":[');
  if (commenting) sink.write(`{"type":"TextualBody","value":${json(annotation.note)},"purpose":"commenting","format":"text/markdown"}`);
  let first = !commenting;
  for (const tag of annotation.tags) {
    sink.write(`${first ? '' : ','}{"type":"TextualBody","value":${json(tag)},"purpose":"tagging"}`);
    first = false;
  }
  sink.write(']');
}

/** One article's annotations, each on its line as `JSON.stringify` writes its WebAnnotation; `first` when none came before. */
function writeAnnotationLines(sink: TextSink, article: ExportArticle, first: boolean): void {
  const converter = offsetConverter(article.text);
  const { sourceUrl, id: articleId } = article.meta;
  const target = `,"target":{"source":${json(sourceUrl ?? urnUuid(articleId))}${sourceUrl === null ? '' : `,"scope":${json(urnUuid(articleId))}`},"styleClass":`;
  const selector = `,"schema:sha256":${json(textFingerprint(article.text))},"selector":[{"type":"TextQuoteSelector","exact":`;
  let separator = first ? '' : ',\n';
  for (const annotation of article.annotations) {
    const { quote, position } = annotation.target;
    const commenting = annotation.note.trim() !== '';
    sink.write(separator);
    separator = ',\n';
    sink.write(LINE_START);
    sink.write(json(urnUuid(annotation.id)));
    sink.write(commenting ? ',"type":"Annotation","motivation":"commenting","created":' : ',"type":"Annotation","motivation":"highlighting","created":');
    sink.write(json(annotation.createdAt));
    sink.write(',"modified":');
    sink.write(json(annotation.updatedAt));
    writeBody(sink, annotation, commenting);
    sink.write(target);
    sink.write(STYLE_CLASS_JSON[annotation.color]);
    sink.write(selector);
    sink.write(json(quote.exact));
    sink.write(',"prefix":');
    sink.write(json(quote.prefix));
    sink.write(',"suffix":');
    sink.write(json(quote.suffix));
    sink.write('},{"type":"TextPositionSelector","start":');
    sink.write(String(converter.toCodePoints(position.start)));
    sink.write(',"end":');
    sink.write(String(converter.toCodePoints(position.end)));
    sink.write(CLOSING_JSON[annotation.color]);
  }
}

const EMPTY_ITEMS = '"items": []';

/**
 * The collection as a JSON-LD file: the collection indented, each annotation on one line (a line
 * per annotation diffs well and keeps a 100,000-highlight export at half the size of indenting
 * everything).
 */
export const webAnnotationText = (articles: readonly ExportArticle[], options: WebAnnotationOptions): ExportText =>
  function* collection(sink) {
    let total = 0;
    for (const article of articles) total += article.annotations.length;
    const outline = JSON.stringify({ ...webAnnotationCollectionOf([], options), total }, null, 2);
    if (total === 0) {
      sink.write(`${outline}\n`);
      yield articles.length;
      return;
    }
    const at = outline.indexOf(EMPTY_ITEMS);
    sink.write(`${outline.slice(0, at)}"items": [\n`);
    let done = 0;
    let first = true;
    for (const article of articles) {
      if (article.annotations.length > 0) {
        writeAnnotationLines(sink, article, first);
        first = false;
      }
      yield ++done;
    }
    sink.write(`\n    ]${outline.slice(at + EMPTY_ITEMS.length)}\n`);
  };

export function webAnnotationJson(articles: readonly ExportArticle[], options: WebAnnotationOptions): string {
  return textOf(webAnnotationText(articles, options));
}
