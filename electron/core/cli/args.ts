// The CLI's arguments: node's parseArgs splits them, zod checks what each command received.
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { DaySchema } from '../../shared/daily-review';
import { HIGHLIGHT_COLORS } from '../../shared/model';
import { UserError } from '../errors';
import { EXPORT_FORMATS } from '../export/export-service';
import { ARTICLE_COMMANDS, ARTICLE_USAGE, articleCommandFields, articleCommandSchemas, TypedTag, type ArticleCommandName } from './article-args';

export const USAGE = `Usage: margin [--data-dir DIR] <command> [options]

Commands:
  import SOURCE... [--json] [--as-new | --update ID] [--fetch-images]
                                 add articles: files (.html .md .txt) or web addresses;
                                 --update ID stores SOURCE as a new revision of article ID;
                                 --fetch-images also downloads a file's web images (a file
                                 is otherwise read only from what lies beside it on disk)
  list [--state reading|archived|trash|all] [--json]
                                 articles with their highlight counts
  show ID --json                 an article's text, figures and annotations
  annotations ID --json          an article's annotations with their anchoring status
  highlight ID --quote TEXT [--note TEXT] [--color NAME] [--tag TAG]... [--occurrence N] [--json]
  search QUERY... [--json]       find articles, passages, highlights and notes. In QUERY:
                                 "sea wall" finds the phrase (quote it for the shell too:
                                 '"sea wall"'); -word and -"a phrase" leave out what holds
                                 them (alone: every article without them); tag:NAME and color:NAME (yellow, or the colour's name in
                                 the legend; tag:"to do" for spaces) show only the highlights
                                 that have them: margin search '"sea wall" -storm tag:climate'
  review [--date YYYY-MM-DD] [--json]
                                 the day's highlights to review (today unless --date),
                                 as the app's Review shows them; changes nothing
  export [ID...] --format markdown|csv|jsonld|html|json [--state reading|archived|trash|all]
         [--csv-exact] [--out FILE|DIR]
                                 without IDs: the reading list and the archive (--state all adds
                                 the trash); CSV cells that start like a formula get a ' unless
                                 --csv-exact (Readwise's exact form; unsafe in a spreadsheet)
  import-annotations FILE [--article ID] [--json]
                                 attach a W3C Web Annotation file's annotations to their articles
                                 (found by id, address, text or quotes; --article ID: to that one)
${ARTICLE_USAGE}
  backup FILE                    write the whole library to one archive
  restore FILE [--force]         restore an archive into an empty library folder

The library lives in --data-dir, else $MARGIN_DATA_DIR, else the app's own folder.`;

const options = {
  'data-dir': { type: 'string' },
  json: { type: 'boolean', default: false },
  quote: { type: 'string' },
  note: { type: 'string' },
  color: { type: 'string' },
  tag: { type: 'string', multiple: true },
  occurrence: { type: 'string' },
  format: { type: 'string' },
  out: { type: 'string' },
  state: { type: 'string' },
  update: { type: 'string' },
  force: { type: 'boolean', default: false },
  'as-new': { type: 'boolean', default: false },
  article: { type: 'string' },
  'csv-exact': { type: 'boolean', default: false },
  'fetch-images': { type: 'boolean', default: false },
  date: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

/** Every command `margin` takes (`help` among them, as `margin help` and `--help`). */
export const CLI_COMMANDS = ['import', 'list', 'show', 'annotations', 'highlight', 'search', 'review', 'export', 'import-annotations', 'backup', 'restore', ...ARTICLE_COMMANDS, 'help'] as const;
type CliCommandName = (typeof CLI_COMMANDS)[number];

/** The CLI's options as typed (`--data-dir`, `-h`), and those that take the next argument as their value. */
export const CLI_OPTIONS: ReadonlySet<string> = new Set(Object.entries(options).flatMap(([name, option]) => [`--${name}`, ...('short' in option ? [`-${option.short}`] : [])]));
export const CLI_VALUE_OPTIONS: ReadonlySet<string> = new Set(Object.entries(options).flatMap(([name, option]) => (option.type === 'string' ? [`--${name}`] : [])));

const ID_ERROR = { error: 'An article id looks like 3f2b1c9e-…; run `margin list` to see them.' };
const Id = z.uuid(ID_ERROR);
const OCCURRENCE_ERROR = { error: '--occurrence is a whole number from 1.' };
const PositiveInt = z.coerce.number(OCCURRENCE_ERROR).int(OCCURRENCE_ERROR).positive(OCCURRENCE_ERROR);
const FileArg = (what: string) => z.string({ error: `${what} needs a FILE.` }).min(1, { error: `${what} needs a FILE.` });

const Command = z.discriminatedUnion('command', [
  z
    .object({
      command: z.literal('import'),
      sources: z.array(z.string().min(1)).min(1, { error: 'import needs a FILE or web address to read.' }),
      asNew: z.boolean(),
      update: Id.optional(),
      fetchImages: z.boolean(),
      json: z.boolean(),
    })
    .refine((c) => c.update === undefined || (c.sources.length === 1 && !c.asNew), { error: '--update takes exactly one SOURCE and no --as-new.' }),
  z.object({ command: z.literal('list'), state: z.enum(['reading', 'archived', 'trash', 'all'], { error: '--state is reading, archived, trash or all.' }).default('all'), json: z.boolean() }),
  z.object({ command: z.literal('show'), id: Id, json: z.boolean() }),
  z.object({ command: z.literal('annotations'), id: Id, json: z.boolean() }),
  z.object({
    command: z.literal('highlight'),
    id: Id,
    quote: z.string().min(1, { error: 'highlight needs --quote TEXT.' }),
    note: z.string().default(''),
    color: z.enum(HIGHLIGHT_COLORS, { error: `--color is one of ${HIGHLIGHT_COLORS.join(', ')}.` }).default('yellow'),
    tags: z.array(TypedTag).default([]),
    occurrence: PositiveInt.optional(),
    json: z.boolean(),
  }),
  z.object({ command: z.literal('search'), query: z.string({ error: 'search needs a QUERY.' }).min(1, { error: 'search needs a QUERY.' }), json: z.boolean() }),
  z.object({ command: z.literal('review'), date: DaySchema.optional(), json: z.boolean() }),
  z.object({
    command: z.literal('export'),
    ids: z.array(Id),
    format: z.enum(EXPORT_FORMATS, { error: `export needs --format ${EXPORT_FORMATS.join('|')}.` }),
    out: z.string().min(1).optional(),
    state: z.enum(['reading', 'archived', 'trash', 'all'], { error: '--state is reading, archived, trash or all.' }).optional(),
    csvExact: z.boolean(),
  })
    .refine((c) => c.ids.length === 0 || c.state === undefined, { error: '--state chooses articles when no ID is given; give IDs or --state, not both.' })
    .refine((c) => !c.csvExact || c.format === 'csv', { error: '--csv-exact is for --format csv.' }),
  z.object({ command: z.literal('import-annotations'), file: FileArg('import-annotations'), article: Id.optional(), json: z.boolean() }),
  z.object({ command: z.literal('backup'), file: FileArg('backup') }),
  z.object({ command: z.literal('restore'), file: FileArg('restore'), force: z.boolean() }),
  z.object({ command: z.literal('help') }),
  ...articleCommandSchemas,
]);
export type CliCommand = z.infer<typeof Command>;
export interface CliArgs {
  dataDir: string | undefined;
  command: CliCommand;
}

const MULTI_POSITIONAL = new Set(['import', 'export', 'search', 'tag', 'untag']);

/**
 * `margin search sea -storm`: a word the query leaves out looks like an option, so after `search`
 * every argument that is not one of the CLI's own options is kept for the query.
 */
function searchWordsAsPositionals(argv: string[]): string[] {
  let at = 0;
  while (at < argv.length) {
    const arg = argv[at] as string;
    if (arg === '--' || !arg.startsWith('-')) break;
    at += CLI_VALUE_OPTIONS.has(arg) ? 2 : 1;
  }
  if (argv[at] !== 'search') return argv;
  const own: string[] = [];
  const words: string[] = [];
  for (let i = at + 1; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') {
      words.push(...argv.slice(i + 1));
      break;
    }
    if (arg.startsWith('-') && CLI_OPTIONS.has(arg.split('=')[0] as string)) {
      own.push(arg);
      if (CLI_VALUE_OPTIONS.has(arg) && i + 1 < argv.length) own.push(argv[++i] as string);
    } else {
      words.push(arg);
    }
  }
  return [...argv.slice(0, at + 1), ...own, '--', ...words];
}

export function parseCliArgs(argv: string[]): CliArgs {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof options; allowPositionals: true }>>;
  try {
    parsed = parseArgs({ args: searchWordsAsPositionals(argv), options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UserError(`${(error as Error).message.split('\n')[0] ?? 'Bad arguments.'} Run \`margin --help\` for usage.`);
  }
  const { values, positionals } = parsed;
  const [name, first, ...rest] = positionals;
  if (values.help || name === undefined || name === 'help') return { dataDir: values['data-dir'], command: { command: 'help' } };
  if (rest.length > 0 && !MULTI_POSITIONAL.has(name)) throw new UserError(`Unexpected argument "${rest[0]}". Run \`margin --help\` for usage.`);
  const all = positionals.slice(1);
  const fields: Record<Exclude<CliCommandName, 'help'>, unknown> = {
    import: { command: 'import', sources: all, asNew: values['as-new'], update: values.update, fetchImages: values['fetch-images'], json: values.json },
    list: { command: 'list', state: values.state, json: values.json },
    show: { command: 'show', id: first, json: values.json },
    annotations: { command: 'annotations', id: first, json: values.json },
    highlight: {
      command: 'highlight',
      id: first,
      quote: values.quote ?? '',
      note: values.note,
      color: values.color,
      tags: values.tag,
      occurrence: values.occurrence,
      json: values.json,
    },
    search: { command: 'search', query: all.length > 0 ? all.join(' ') : undefined, json: values.json },
    review: { command: 'review', date: values.date, json: values.json },
    export: { command: 'export', ids: all, format: values.format, out: values.out, state: values.state, csvExact: values['csv-exact'] },
    'import-annotations': { command: 'import-annotations', file: first, article: values.article, json: values.json },
    backup: { command: 'backup', file: first },
    restore: { command: 'restore', file: first, force: values.force },
    ...(Object.fromEntries(ARTICLE_COMMANDS.map((command) => [command, articleCommandFields(command, all, values.json)])) as Record<ArticleCommandName, unknown>),
  };
  if (!Object.hasOwn(fields, name)) throw new UserError(`Unknown command "${name}". Run \`margin --help\` for usage.`);
  const result = Command.safeParse(fields[name as keyof typeof fields]);
  if (!result.success) {
    const issue = result.error.issues[0];
    const what = issue?.path.join('.') || 'argument';
    const message = issue?.message ?? 'bad arguments';
    throw new UserError(message.endsWith('.') ? message : `Bad ${what} for ${name}: ${message}. Run \`margin --help\` for usage.`);
  }
  return { dataDir: values['data-dir'], command: result.data };
}
