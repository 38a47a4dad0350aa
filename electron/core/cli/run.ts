// `margin`, the command line over the same core the app uses: the same store, importer and
// exporter. Output goes to the writers it is given, so tests run it in-process.
import writeFileAtomic from 'write-file-atomic';
import { findQuoteOccurrences } from '../../shared/anchoring/find-quote';
import { describeSpan } from '../../shared/anchoring/describe';
import { resolveSelectors } from '../../shared/anchoring/resolve';
import { articleSource, type Annotation } from '../../shared/model';
import { UserError, messageFor } from '../errors';
import { notesMarkdown } from '../export/markdown';
import { importIntoLibrary } from '../import-into-library';
import { resolveDataDir } from '../library/data-dir';
import { Library } from '../library/library';
import { collectNotes } from '../library/notes';
import { USAGE, parseCliArgs, type CliCommand } from './args';

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Progress for a person watching a terminal; absent when output goes to a file or a test. */
  progress?: (text: string) => void;
  env: NodeJS.ProcessEnv;
}

function annotationJson(annotation: Annotation, text: string) {
  const anchor = resolveSelectors(text, annotation.target);
  const span = anchor.status === 'orphaned' ? annotation.target.position : anchor;
  return {
    id: annotation.id,
    quote: annotation.target.quote.exact,
    note: annotation.note,
    color: annotation.color,
    start: span.start,
    end: span.end,
  };
}

/** Imports each source in turn; a failure is reported by name and the rest go on. */
async function importSources(library: Library, command: Extract<CliCommand, { command: 'import' }>, io: CliIo): Promise<void> {
  const results: Record<string, unknown>[] = [];
  const failures: string[] = [];
  for (const [index, source] of command.sources.entries()) {
    if (command.sources.length > 1) io.progress?.(`Importing ${index + 1} of ${command.sources.length}: ${source}`);
    try {
      const outcome = await importIntoLibrary(library, source, command.asNew ? 'new' : 'ask');
      if (outcome.status === 'exists') {
        throw new UserError(`${source} is already in the library as ${outcome.existing.id}; add --as-new to import it again.`);
      }
      const { article, images } = outcome;
      results.push({ source, id: article.id, title: article.title, images: { saved: images.saved, missed: images.missed } });
      if (!command.json) {
        const pictures = images.saved + images.missed > 0 ? `  (${images.saved} images saved, ${images.missed} missed)` : '';
        io.out(`${article.id}  ${article.title}${pictures}\n`);
        for (const problem of images.problems) io.err(`  image ${problem}\n`);
      }
    } catch (error) {
      const message = messageFor(error);
      failures.push(command.sources.length > 1 ? `${source}: ${message}` : message);
      results.push({ source, error: message });
    }
  }
  if (command.json) {
    const ok = results.filter((r) => r.error === undefined);
    if (command.sources.length === 1 && ok[0] !== undefined) io.out(`${JSON.stringify({ id: ok[0].id, title: ok[0].title, images: ok[0].images }, null, 2)}\n`);
    else if (command.sources.length > 1) io.out(`${JSON.stringify(results, null, 2)}\n`);
  }
  if (failures.length > 0) throw new UserError(failures.join('\n'));
}

async function runCommand(library: Library, command: Exclude<CliCommand, { command: 'help' }>, io: CliIo) {
  const print = (json: boolean, value: unknown, plain: string) => io.out(json ? `${JSON.stringify(value, null, 2)}\n` : `${plain}\n`);
  switch (command.command) {
    case 'import':
      return importSources(library, command, io);
    case 'list': {
      const rows = await library.summaries();
      const plain = rows.length === 0 ? 'The library is empty.' : rows.map((r) => `${r.id}  ${r.highlightCount} highlights  ${r.title}`).join('\n');
      print(command.json, rows.map((r) => ({ id: r.id, title: r.title, highlights: r.highlightCount })), plain);
      return;
    }
    case 'show': {
      const meta = library.meta(command.id);
      const { text, figures, wordCount } = await library.content(command.id);
      const annotations = (await library.annotations(command.id)).map((a) => annotationJson(a, text));
      const value = {
        id: meta.id,
        title: meta.title,
        byline: meta.byline,
        source: articleSource(meta),
        importedAt: meta.importedAt,
        wordCount,
        text,
        figures,
        annotations,
      };
      print(command.json, value, `${meta.title}\n\n${text}`);
      return;
    }
    case 'highlight': {
      const { text } = await library.content(command.id);
      const found = findQuoteOccurrences(text, command.quote);
      if (found.length === 0) throw new UserError('That quote is not in the article.');
      if (command.occurrence === undefined && found.length > 1) {
        throw new UserError(`That quote appears ${found.length} times in the article; add --occurrence N (1 to ${found.length}) to choose one.`);
      }
      const chosen = found[(command.occurrence ?? 1) - 1];
      if (chosen === undefined) {
        throw new UserError(`That quote appears ${found.length} time${found.length === 1 ? '' : 's'}; --occurrence must be 1 to ${found.length}.`);
      }
      const annotation = await library.addAnnotation(command.id, {
        color: command.color,
        note: command.note,
        target: describeSpan(text, chosen.start, chosen.end),
      });
      const json = annotationJson(annotation, text);
      print(command.json, json, `${json.id}  highlighted "${json.quote}"`);
      return;
    }
    case 'export': {
      const markdown = notesMarkdown(await collectNotes(library, command.id));
      if (command.out === undefined) io.out(markdown);
      else await writeOut(command.out, markdown);
      return;
    }
  }
}

async function writeOut(path: string, text: string): Promise<void> {
  try {
    await writeFileAtomic(path, text, { fsync: true });
  } catch (error) {
    throw new UserError(`Margin could not write ${path}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'its folder does not exist' : (error as Error).message}.`);
  }
}

/** Runs one CLI invocation and returns its exit code. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  try {
    const { dataDir, command } = parseCliArgs(argv);
    if (command.command === 'help') {
      io.out(`${USAGE}\n`);
      return 0;
    }
    const library = await Library.open(resolveDataDir(dataDir, io.env));
    await runCommand(library, command, io);
    return 0;
  } catch (error) {
    io.err(`${messageFor(error)}\n`);
    return 1;
  }
}
