// Front matter, the YAML block at the top of a Markdown note (Obsidian, Jekyll, Hugo): parsed by
// the yaml package and checked field by field with zod, so a value Margin cannot use (a date
// that is no date, a tag that is a map, an address that is not on the web) costs only itself. A
// block that is not YAML at all is handed back whole, to be shown in the text, never dropped.
import { parseDocument } from 'yaml';
import { z } from 'zod';
import { MAX_TAG_LENGTH, TagSchema } from '../../shared/model';
import { parseWebUrl } from '../../shared/web-address';
import { canonicalLanguage } from '../../shared/language';

export interface FrontMatter {
  title: string | null;
  author: string | null;
  /** "2024-05-01", "2024-05-01T10:30:00" (no zone given) or an ISO instant in UTC. */
  date: string | null;
  tags: string[];
  lang: string | null;
  /** Only a web (http or https) address. */
  url: string | null;
  /** A date was given that is no date or is outside the years 1 to 9999, so `date` is unknown. */
  dateUnknown: boolean;
}

export interface SplitFrontMatter {
  meta: FrontMatter;
  body: string;
  /** The block's text when it is not YAML Margin can read, for the article to show. */
  unreadable: string | null;
}

const NONE: FrontMatter = { title: null, author: null, date: null, tags: [], lang: null, url: null, dateUnknown: false };
const BLOCK = /^---[ \t]*\r?\n(?:([\s\S]*?)\r?\n)?(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/u;

const Text = z
  .union([z.string(), z.number()])
  .transform((value) => String(value).replace(/\s+/gu, ' ').trim())
  .pipe(z.string().min(1).max(1_000));

const Author = z.union([Text, z.array(Text).min(1)]).transform((value) => (Array.isArray(value) ? value.join(', ') : value));

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/u;
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)[ ]?(Z|[+-]\d{2}:?\d{2})?$/iu;

const inYearRange = (year: number) => year >= 1 && year <= 9999;

/**
 * A date the store and every export can hold, or null (unknown): the store keeps ISO dates, which
 * have four-digit years, and a date that is not on the calendar is no date at all.
 */
function isoDate(value: string): string | null {
  const text = value.trim();
  const day = DATE.exec(text);
  if (day !== null) return inYearRange(Number(day[1])) && z.iso.date().safeParse(text).success ? text : null;
  const moment = DATE_TIME.exec(text);
  if (moment?.[1] === undefined || moment[2] === undefined || !z.iso.date().safeParse(moment[1]).success) return null;
  const time = moment[2].length === 5 ? `${moment[2]}:00` : moment[2];
  if (moment[3] === undefined) {
    const local = `${moment[1]}T${time}`;
    return inYearRange(Number(moment[1].slice(0, 4))) && z.iso.datetime({ local: true }).safeParse(local).success ? local : null;
  }
  const zone = moment[3].toUpperCase() === 'Z' ? 'Z' : moment[3].replace(/^([+-]\d{2}):?(\d{2})$/u, '$1:$2');
  const instant = new Date(`${moment[1]}T${time}${zone}`);
  return Number.isNaN(instant.getTime()) || !inYearRange(instant.getUTCFullYear()) ? null : instant.toISOString();
}

const DateField = z.string().transform(isoDate).pipe(z.string());

/** "night walks" and "#ponds" are what a person means by the tags night-walks and ponds. */
function asTag(value: string): string | null {
  const tag = value.trim().replace(/^#/u, '').replace(/\s+/gu, '-').slice(0, MAX_TAG_LENGTH);
  return TagSchema.safeParse(tag).success ? tag : null;
}

const Tags = z
  .union([z.string().transform((value) => value.split(/[,\s]+/u)), z.array(z.union([z.string(), z.number()]).transform(String))])
  .transform((values) => [...new Set(values.map(asTag).filter((tag) => tag !== null))]);

const Lang = z.string().transform(canonicalLanguage).pipe(z.string());
const Url = z.string().transform((value) => parseWebUrl(value)?.href ?? null).pipe(z.string());

/** Each field on its own: one that fails is left out (undefined), the others stay. */
const FrontMatterSchema = z.object({
  title: Text.optional().catch(undefined),
  author: Author.optional().catch(undefined),
  authors: Author.optional().catch(undefined),
  date: DateField.optional().catch(undefined),
  tags: Tags.optional().catch(undefined),
  tag: Tags.optional().catch(undefined),
  lang: Lang.optional().catch(undefined),
  language: Lang.optional().catch(undefined),
  url: Url.optional().catch(undefined),
  source: Url.optional().catch(undefined),
});

function readYaml(text: string): Record<string, unknown> | null {
  const document = parseDocument(text, { schema: 'core', uniqueKeys: false, logLevel: 'silent' });
  if (document.errors.length > 0) return null;
  const value: unknown = document.toJS({ maxAliasCount: 100 });
  if (value === null || value === undefined) return {};
  if (typeof value !== 'object' || Array.isArray(value)) return null;
  // Keys as people type them: "Title" and "title" are the same field.
  return Object.fromEntries(Object.entries(value).map(([key, field]) => [key.toLowerCase(), field]));
}

/** Splits off a leading `---` block and reads the fields Margin uses. */
export function splitFrontMatter(source: string): SplitFrontMatter {
  const match = BLOCK.exec(source);
  if (match === null) return { meta: NONE, body: source, unreadable: null };
  const body = source.slice(match[0].length);
  const yaml = match[1] ?? '';
  let fields: Record<string, unknown> | null;
  try {
    fields = readYaml(yaml);
  } catch {
    fields = null;
  }
  if (fields === null) return { meta: NONE, body, unreadable: yaml };
  const read = FrontMatterSchema.parse(fields);
  return {
    meta: {
      title: read.title ?? null,
      author: read.author ?? read.authors ?? null,
      date: read.date ?? null,
      tags: read.tags ?? read.tag ?? [],
      lang: read.lang ?? read.language ?? null,
      url: read.url ?? read.source ?? null,
      dateUnknown: fields.date !== undefined && fields.date !== null && read.date === undefined,
    },
    body,
    unreadable: null,
  };
}
