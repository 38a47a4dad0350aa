// The handler table: one async function per IPC channel, each validating its input against the
// contract and answering with a Result. `main` registers it with ipcMain; the renderer e2e tests
// register the very same table with Playwright's exposeBinding.
import { describeSpan, quoteIsAt } from '../shared/anchoring';
import { localDay } from '../shared/daily-review';
import type { Channel } from '../shared/channels';
import { inputSchemas, type ChannelOutput, type ParsedInput } from '../shared/contract';
import { ARTICLE_STATES, type ArticleMeta, type ArticleSummary } from '../shared/model';
import { NO_IMAGES } from '../shared/image-summary';
import { pastedTextProblem } from '../shared/pasted-text';
import { fail, ok, type Result } from '../shared/result';
import { backupDataDir } from './backup/backup';
import { UserError, messageFor } from './errors';
import { exportFileName } from './export/export-file-name';
import { ExportCancelled } from './export/durable-stream';
import type { ExportRunner } from './export/export-runner';
import { DEFAULT_EXPORT_STATES, FORMAT_EXTENSIONS, planExport, planMarkdownFolder, writeExport, type ExportOptions } from './export/export-service';
import { firstLines } from './export/export-text';
import { RunningExport } from './export/running-export';
import type { WebAccess } from './net/web-access';
import { importAnnotationFile } from './import-annotations';
import { loadImporter } from './import/importer';
import { importIntoLibrary } from './import-into-library';
import { reimportArticle } from './reimport';
import { DailyReview } from './review/daily-review';
import { LibrarySearch, type LibrarySearchOptions } from './search/library-search';
import { ChosenPaths, NOT_CHOSEN_MESSAGE } from './security/chosen-paths';
import { spellcheckPlan } from './security/spellcheck-plan';
import type { Library } from './library/library';

/** What only the host can do: native dialogs in the app, scripted answers in tests. */
export interface Platform {
  chooseSavePath(options: { title: string; defaultName: string; extension: string }): Promise<string | null>;
  chooseFolder(options: { title: string }): Promise<string | null>;
  chooseImportFiles(): Promise<string[]>;
  chooseOpenFile(options: { title: string; extensions: string[] }): Promise<string | null>;
}

export type Handler = (input: unknown) => Promise<Result<unknown>>;
export type Handlers = Record<Channel, Handler>;

type Implementations = { [C in Channel]: (input: ParsedInput<C>) => Promise<ChannelOutput<C>> };

export interface HandlerOptions {
  /** How the main process reaches the web (tests pass a loopback stand-in for it). */
  web?: WebAccess;
  /** The operating system, which decides whether spell checking is the person's choice. */
  os?: NodeJS.Platform;
  /** Sentences from before the library opened (its move into its own folder). */
  notices?: readonly string[];
  /** The files the person chose outside the handlers (command line, drops); dialog answers are added here. */
  chosenPaths?: ChosenPaths;
  /** What time it is: the highlight review's day follows it (tests pass another day). */
  clock?: () => Date;
  /** Writes library-wide one-file exports: main passes the worker's; by default they run in this thread. */
  exportRunner?: ExportRunner;
  /** Catch the search index up in the background once the library is first listed (the app does). */
  indexInBackground?: boolean;
  /** How the search index is opened (tests pace its background catch-up). */
  search?: LibrarySearchOptions;
}

async function summary(library: Library, meta: ArticleMeta): Promise<ArticleSummary> {
  const row = (await library.summaries()).find((r) => r.id === meta.id);
  if (row === undefined) throw new UserError(`There is no article with the id ${meta.id} in this library.`);
  return row;
}

const exportOptions = (includeTrash: boolean, csvExact: boolean): ExportOptions => ({
  states: includeTrash ? ARTICLE_STATES : DEFAULT_EXPORT_STATES,
  csvExact,
});

function implementations(library: Library, platform: Platform, options: HandlerOptions): Implementations {
  const settings = async () => {
    const highlightTags = await library.highlightTags();
    const { enabled, choosable } = spellcheckPlan(options.os ?? process.platform, library.settings.spellcheck);
    return { colorLabels: library.colorLabels, highlightTags, notices: [...(options.notices ?? []), ...library.notices], spellcheck: { on: enabled, choosable } };
  };
  const chosen = options.chosenPaths ?? new ChosenPaths();
  // Opened after the library's first listing (or on the first search), so start-up does not wait for it.
  let searcher: Promise<LibrarySearch> | null = null;
  const openSearch = () => (searcher ??= LibrarySearch.open(library, options.search));
  let indexing = options.indexInBackground !== true;
  const review = new DailyReview(library);
  const exporting = new RunningExport();
  const today = () => localDay((options.clock ?? (() => new Date()))());
  return {
    'library:list': async () => {
      const summaries = await library.summaries();
      if (!indexing) {
        indexing = true;
        // After the answer is on its way; a failure is left for the next search to report.
        setImmediate(() => void openSearch().then((search) => void search.startIndexing(), () => undefined));
      }
      return summaries;
    },
    'library:settings': () => settings(),
    'library:set-color-label': async ({ color, label }) => {
      await library.setColorLabel(color, label);
      return settings();
    },
    'library:set-spellcheck': async ({ on }) => {
      await library.setSpellcheck(on);
      return settings();
    },
    'library:empty-trash': async () => {
      const trash = library.articles().filter((meta) => meta.state === 'trash');
      for (const meta of trash) await library.deleteArticle(meta.id);
      return { deleted: trash.length };
    },
    'library:backup': async () => {
      const stamp = new Date().toISOString().slice(0, 10);
      const path = await platform.chooseSavePath({ title: 'Back up library', defaultName: `margin-backup-${stamp}.tar.gz`, extension: 'gz' });
      if (path === null) return { path: null, files: 0 };
      const report = await backupDataDir(library.dataDir, path);
      return { path, files: report.files };
    },
    'article:open': async ({ id }) => ({
      meta: library.meta(id),
      html: await library.html(id),
      annotations: await library.annotations(id),
      articleNote: await library.articleNote(id),
    }),
    'article:update': async ({ id, state, tags, progress, opened }) =>
      summary(library, await library.updateArticle(id, { state, tags, progress, lastReadAt: opened ? new Date().toISOString() : undefined })),
    'article:set-note': async ({ id, note }) => {
      await library.setArticleNote(id, note);
      return { note };
    },
    'article:reimport': ({ id, fetchImages }) => reimportArticle(library, id, { online: fetchImages, ...(options.web ? { web: options.web } : {}) }),
    'dialog:choose-import-files': async () => {
      const paths = await platform.chooseImportFiles();
      chosen.grant(paths);
      return { paths };
    },
    'article:import': async ({ source, ifExists, fetchImages }) => {
      if (!chosen.allows(source)) throw new UserError(NOT_CHOSEN_MESSAGE);
      return importIntoLibrary(library, source, ifExists, { online: fetchImages, ...(options.web ? { web: options.web } : {}) });
    },
    'article:import-text': async ({ text }) => {
      const problem = pastedTextProblem(text);
      if (problem !== null) throw new UserError(problem);
      const { importPlainText } = await loadImporter();
      const meta = await library.addArticle(importPlainText(text, null));
      return { status: 'imported', article: { id: meta.id, title: meta.title }, images: NO_IMAGES, notes: [] };
    },
    'annotation:create': async ({ id, articleId, color, note, tags, target }) => {
      // The context around the quote is taken from the stored text, not from the page.
      const { text } = await library.content(articleId);
      if (!quoteIsAt(target, text)) throw new UserError('The highlighted text is not in this article.');
      return library.addAnnotation(articleId, { id, color, note, tags, target: describeSpan(text, target.position.start, target.position.end) });
    },
    'annotation:update': async ({ articleId, id, color, note, tags, target, review }) => {
      // Back under review (an accept taken back), a highlight keeps the words of the revision it was made on.
      if (review != null) return library.updateAnnotation(articleId, id, { color, note, tags, target, review });
      const text = target === undefined ? null : (await library.content(articleId)).text;
      if (target !== undefined && text !== null && !quoteIsAt(target, text)) throw new UserError('The highlighted text is not in this article.');
      const stored = target === undefined || text === null ? undefined : describeSpan(text, target.position.start, target.position.end);
      return library.updateAnnotation(articleId, id, { color, note, tags, target: stored, review });
    },
    'annotation:delete': async ({ articleId, id }) => {
      await library.deleteAnnotation(articleId, id);
      return { id };
    },
    'annotation:restore': ({ annotation }) => library.restoreAnnotation(annotation.articleId, annotation),
    'annotations:import': async () => {
      const path = await platform.chooseOpenFile({ title: 'Import annotations (W3C Web Annotation)', extensions: ['jsonld', 'json'] });
      return path === null ? null : importAnnotationFile(library, path);
    },
    'library:search': async ({ query }) => {
      const { results, indexing: progress } = await (await openSearch()).searchSoFar(query);
      return { hits: results.map(({ articleId, title, matchCount, matches }) => ({ articleId, title, matchCount, matches })), indexing: progress };
    },
    'export:preview': async ({ format, articleIds, includeTrash, csvExact }) => {
      const plan = await planExport(library, format, articleIds, exportOptions(includeTrash, csvExact));
      const first = plan.files[0];
      return { files: plan.files.length, firstName: first?.name ?? '', preview: first === undefined ? '' : firstLines(first.text, 24), skipped: plan.skipped };
    },
    'export:save': ({ format, articleIds, perArticle, includeTrash, csvExact }) =>
      exporting.run(async ({ signal, onProgress }) => {
        const choices = exportOptions(includeTrash, csvExact);
        const plan = perArticle && format === 'markdown' ? await planMarkdownFolder(library, articleIds, choices) : await planExport(library, format, articleIds, choices);
        const first = plan.files[0];
        if (first === undefined) return { paths: [] };
        // A folder for several files, or when asked for one file per article (a vault); else a file.
        const target =
          plan.files.length > 1 || perArticle
            ? await platform.chooseFolder({ title: `Export ${plan.files.length} files into a folder` })
            : await platform.chooseSavePath({ title: 'Export', defaultName: first.name || exportFileName('margin', FORMAT_EXTENSIONS[format]), extension: FORMAT_EXTENSIONS[format] });
        if (target === null) return { paths: null };
        try {
          if (signal.aborted) throw new ExportCancelled();
          return { ...(await writeExport(plan, target, { signal, onProgress, runner: options.exportRunner })), skipped: plan.skipped };
        } catch (error) {
          if (error instanceof ExportCancelled) return { paths: null, cancelled: true };
          throw error;
        }
      }),
    'export:progress': ({ after }) => exporting.next(after),
    'export:cancel': async () => ({ cancelled: exporting.cancel() }),
    'review:open': () => review.open(today()),
    'review:mark': ({ id, feedback }) => review.mark(id, feedback, today()),
    'review:set-per-day': ({ perDay }) => review.setPerDay(perDay, today()),
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
