// The handler table: one async function per IPC channel, each validating its input against the
// contract and answering with a Result. `main` registers it with ipcMain; the renderer e2e tests
// register the very same table with Playwright's exposeBinding.
import writeFileAtomic from 'write-file-atomic';
import type { Channel } from '../shared/channels';
import { inputSchemas, type ChannelOutput, type ParsedInput } from '../shared/contract';
import { fail, ok, type Result } from '../shared/result';
import { describeSpan } from '../shared/anchoring/describe';
import { UserError, messageFor } from './errors';
import { exportFileName } from './export/export-file-name';
import { notesMarkdown } from './export/markdown';
import type { FetchFn } from './import/fetch-limited';
import { importIntoLibrary } from './import-into-library';
import type { Library } from './library/library';
import { collectNotes } from './library/notes';

/** What only the host can do: native dialogs in the app, scripted answers in tests. */
export interface Platform {
  chooseSavePath(options: { title: string; defaultName: string; extension: string }): Promise<string | null>;
  chooseImportFiles(): Promise<string[]>;
}

export type Handler = (input: unknown) => Promise<Result<unknown>>;
export type Handlers = Record<Channel, Handler>;

type Implementations = { [C in Channel]: (input: ParsedInput<C>) => Promise<ChannelOutput<C>> };

export interface HandlerOptions {
  /** How the main process reaches the web (tests pass a loopback-only fetch). */
  fetch?: FetchFn;
}

function implementations(library: Library, platform: Platform, options: HandlerOptions): Implementations {
  return {
    'library:list': () => library.summaries(),
    'article:open': async ({ id }) => ({
      meta: library.meta(id),
      html: await library.html(id),
      annotations: await library.annotations(id),
    }),
    'dialog:choose-import-files': async () => ({ paths: await platform.chooseImportFiles() }),
    'article:import': ({ source, ifExists }) => importIntoLibrary(library, source, ifExists, options.fetch ? { fetch: options.fetch } : {}),
    'annotation:create': async ({ articleId, color, note, target }) => {
      // The context around the quote is taken from the stored text, not from the page.
      const { text } = await library.content(articleId);
      const { start, end } = target.position;
      if (end > text.length || text.slice(start, end) !== target.quote.exact) {
        throw new UserError('The highlighted text is not in this article.');
      }
      return library.addAnnotation(articleId, { color, note, target: describeSpan(text, start, end) });
    },
    'annotation:update': ({ articleId, id, color, note }) => library.updateAnnotation(articleId, id, { color, note }),
    'annotation:delete': async ({ articleId, id }) => {
      await library.deleteAnnotation(articleId, id);
      return { id };
    },
    'export:markdown': async ({ articleId }) => {
      const title = articleId === null ? 'Margin notes' : library.meta(articleId).title;
      const markdown = notesMarkdown(await collectNotes(library, articleId));
      const path = await platform.chooseSavePath({
        title: 'Export notes as Markdown',
        defaultName: exportFileName(title, 'md'),
        extension: 'md',
      });
      if (path !== null) await writeFileAtomic(path, markdown, { fsync: true });
      return { path };
    },
  };
}

export function createHandlers(library: Library, platform: Platform, options: HandlerOptions = {}): Handlers {
  const impl = implementations(library, platform, options);
  const table = {} as Handlers;
  for (const channel of Object.keys(inputSchemas) as Channel[]) {
    const run = impl[channel] as (input: unknown) => Promise<unknown>;
    table[channel] = async (input) => {
      const parsed = inputSchemas[channel].safeParse(input);
      if (!parsed.success) return fail(`Margin refused a malformed request (${channel}).`);
      try {
        return ok(await run(parsed.data));
      } catch (error) {
        return fail(messageFor(error));
      }
    };
  }
  return table;
}
