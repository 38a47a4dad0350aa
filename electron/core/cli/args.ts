// The CLI's arguments: node's parseArgs splits them, zod checks what each command received.
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { HIGHLIGHT_COLORS } from '../../shared/model';
import { UserError } from '../errors';

export const USAGE = `Usage: margin [--data-dir DIR] <command> [options]

Commands:
  import SOURCE... [--json] [--as-new]     add articles: files (.txt .html .md) or web addresses
  list [--json]                            list articles with their highlight counts
  show ID --json                           an article's text, figures and annotations
  highlight ID --quote TEXT [--note TEXT] [--color NAME] [--occurrence N] [--json]
  export [ID] --format markdown [--out FILE]

The library lives in --data-dir, else $MARGIN_DATA_DIR, else the app's own folder.`;

const options = {
  'data-dir': { type: 'string' },
  json: { type: 'boolean', default: false },
  quote: { type: 'string' },
  note: { type: 'string' },
  color: { type: 'string' },
  occurrence: { type: 'string' },
  format: { type: 'string' },
  out: { type: 'string' },
  'as-new': { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

const Id = z.uuid({ error: 'An article id looks like 3f2b1c9e-…; run `margin list` to see them.' });
const OCCURRENCE_ERROR = { error: '--occurrence is a whole number from 1.' };
const PositiveInt = z.coerce.number(OCCURRENCE_ERROR).int(OCCURRENCE_ERROR).positive(OCCURRENCE_ERROR);

const Command = z.discriminatedUnion('command', [
  z.object({
    command: z.literal('import'),
    sources: z.array(z.string().min(1)).min(1, { error: 'import needs a FILE or web address to read.' }),
    asNew: z.boolean(),
    json: z.boolean(),
  }),
  z.object({ command: z.literal('list'), json: z.boolean() }),
  z.object({ command: z.literal('show'), id: Id, json: z.boolean() }),
  z.object({
    command: z.literal('highlight'),
    id: Id,
    quote: z.string().min(1, { error: 'highlight needs --quote TEXT.' }),
    note: z.string().default(''),
    color: z.enum(HIGHLIGHT_COLORS, { error: `--color is one of ${HIGHLIGHT_COLORS.join(', ')}.` }).default('yellow'),
    occurrence: PositiveInt.optional(),
    json: z.boolean(),
  }),
  z.object({
    command: z.literal('export'),
    id: Id.nullable(),
    format: z.literal('markdown', { error: 'export needs --format markdown.' }),
    out: z.string().min(1).optional(),
  }),
  z.object({ command: z.literal('help') }),
]);
export type CliCommand = z.infer<typeof Command>;
export interface CliArgs {
  dataDir: string | undefined;
  command: CliCommand;
}

export function parseCliArgs(argv: string[]): CliArgs {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof options; allowPositionals: true }>>;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UserError(`${(error as Error).message.split('\n')[0] ?? 'Bad arguments.'} Run \`margin --help\` for usage.`);
  }
  const { values, positionals } = parsed;
  const [name, first, ...rest] = positionals;
  if (values.help || name === undefined || name === 'help') return { dataDir: values['data-dir'], command: { command: 'help' } };
  if (rest.length > 0 && name !== 'import') throw new UserError(`Unexpected argument "${rest[0]}". Run \`margin --help\` for usage.`);
  const fields: Record<string, unknown> = {
    import: { command: 'import', sources: positionals.slice(1), asNew: values['as-new'], json: values.json },
    list: { command: 'list', json: values.json },
    show: { command: 'show', id: first, json: values.json },
    highlight: {
      command: 'highlight',
      id: first,
      quote: values.quote ?? '',
      note: values.note,
      color: values.color,
      occurrence: values.occurrence,
      json: values.json,
    },
    export: { command: 'export', id: first ?? null, format: values.format, out: values.out },
  };
  if (!(name in fields)) throw new UserError(`Unknown command "${name}". Run \`margin --help\` for usage.`);
  const result = Command.safeParse(fields[name]);
  if (!result.success) {
    const issue = result.error.issues[0];
    const what = issue?.path.join('.') || 'argument';
    const message = issue?.message ?? 'bad arguments';
    throw new UserError(
      message.endsWith('.') ? message : `Bad ${what} for ${name}: ${message}. Run \`margin --help\` for usage.`,
    );
  }
  return { dataDir: values['data-dir'], command: result.data };
}
