// `margin`, the command line over the same core the app uses: the same store, importers and
// exporters. Commands that change the library hold its write lock (and say so in one sentence
// when the app has it); read-only commands work while the app is open. Output goes to the
// writers it is given, so tests run it in-process.
import { describeSpan, findQuoteOccurrences, resolve } from '../../shared/anchoring';
import { imageSummarySentence } from '../../shared/image-summary';
import { articleSource, type Annotation } from '../../shared/model';
import { backupDataDir } from '../backup/backup';
import { UserError, messageFor } from '../errors';
import { planExport, skippedSummary, writeExport, type ExportPlan } from '../export/export-service';
import { importAnnotationFile } from '../import-annotations';
import { importIntoLibrary } from '../import-into-library';
import { loadImporter, type ImportContext } from '../import/importer';
import { defaultUserDataDir, resolveLibrary } from '../library/data-dir';
import { Library } from '../library/library';
import { acquireWriteLock, type WriteLock } from '../library/write-lock';
import type { WebAccess } from '../net/web-access';
import { LibrarySearch } from '../search/library-search';
import { DailyReview } from '../review/daily-review';
import { localDay } from '../../shared/daily-review';
import { runArticleCommand } from './article-commands';
import { USAGE, parseCliArgs, type CliCommand } from './args';
import { checkInputsBeforeLock } from './input-checks';
import { runRestore } from './restore-command';

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Progress for a person watching a terminal; absent when output goes to a file or a test. */
  progress?: (text: string) => void;
  env: NodeJS.ProcessEnv;
  /** How imports reach the web (tests pass a loopback stand-in for it). */
  web?: WebAccess;
}

type Command = Exclude<CliCommand, { command: 'help' | 'restore' }>;

/** How long a writing command waits for the app (or another CLI) to finish a save. */
const LOCK_WAIT_MS = 3_000;
const WRITES = new Set<Command['command']>(['import', 'highlight', 'import-annotations', 'archive', 'trash', 'unarchive', 'tag', 'untag']);
/**
 * Writing commands that first read the web or the disk at length: each save takes the lock for
 * itself, so a slow server never keeps another writer (the app, another command) waiting.
 */
const SAVES_AFTER_READING = new Set<Command['command']>(['import']);

function annotationJson(annotation: Annotation, text: string) {
  const anchor = resolve(annotation.target, text);
  // A highlight under review is placed where the revision carried it, which the person has yet to accept.
  const span = annotation.review?.candidate ?? (anchor.status === 'orphaned' ? annotation.target.position : anchor);
  return {
    id: annotation.id,
    quote: annotation.target.quote.exact,
    note: annotation.note,
    color: annotation.color,
    tags: annotation.tags,
    start: span.start,
    end: span.end,
    // A highlight a revision left uncertain reports that, until the person reviews it.
    status: annotation.review?.status ?? anchor.status,
    confidence: annotation.review?.confidence ?? anchor.confidence,
  };
}

/** Articles an export left out, each in its sentence, then how many: the export still succeeded for the rest. */
function reportSkipped(plan: ExportPlan, io: CliIo): void {
  if (plan.skipped.length === 0) return;
  io.err(`${[...plan.skipped, skippedSummary(plan.skipped.length, plan.asked)].join('\n')}\n`);
}

function printer(io: CliIo) {
  return (json: boolean, value: unknown, plain: string) => io.out(json ? `${JSON.stringify(value, null, 2)}\n` : `${plain}\n`);
}

/** Imports each source in turn; a failure is reported by name and the rest go on. */
async function importSources(library: Library, command: Extract<CliCommand, { command: 'import' }>, io: CliIo): Promise<void> {
  const context: ImportContext = { online: command.fetchImages, ...(io.web ? { web: io.web } : {}) };
  if (command.update !== undefined) {
    const [source = ''] = command.sources;
    const { importSource } = await loadImporter();
    const article = await importSource(source, { dataDir: library.dataDir, ...context });
    const report = await library.addRevision(command.update, article);
    const line = `exact ${report.exact}, moved ${report.moved}, fuzzy ${report.fuzzy}, orphaned ${report.orphaned}`;
    printer(io)(command.json, { id: command.update, ...report }, `${command.update}  revision ${report.revision}: ${line}${report.needsReview > 0 ? ` (${report.needsReview} to review)` : ''}`);
    const summary = article.images === undefined ? null : imageSummarySentence(article.images);
    if (!command.json) for (const line of [...(summary === null ? [] : [summary]), ...(article.notes ?? [])]) io.err(`  ${line}\n`);
    return;
  }
  const results: Record<string, unknown>[] = [];
  const failures: string[] = [];
  for (const [index, source] of command.sources.entries()) {
    if (command.sources.length > 1) io.progress?.(`Importing ${index + 1} of ${command.sources.length}: ${source}`);
    try {
      const outcome = await importIntoLibrary(library, source, command.asNew ? 'new' : 'ask', context);
      if (outcome.status === 'exists') {
        throw new UserError(`${source} is already in the library as ${outcome.existing.id}; add --as-new to import a copy or --update ${outcome.existing.id} to replace it.`);
      }
      const { article, images, notes } = outcome;
      results.push({ source, id: article.id, title: article.title, images: { saved: images.saved, missed: images.missed, reasons: images.reasons, upgraded: images.upgraded, problems: images.problems }, notes });
      if (!command.json) {
        const pictures = images.saved + images.missed > 0 ? `  (${images.saved} images saved, ${images.missed} missed)` : '';
        io.out(`${article.id}  ${article.title}${pictures}\n`);
        // One line for the whole page, however many images it named.
        const summary = imageSummarySentence(images);
        if (summary !== null) io.err(`  ${summary}\n`);
        for (const note of notes) io.err(`  ${note}\n`);
      }
    } catch (error) {
      const message = messageFor(error);
      failures.push(command.sources.length > 1 ? `${source}: ${message}` : message);
      results.push({ source, error: message });
    }
  }
  if (command.json) {
    const ok = results.filter((r) => r.error === undefined);
    if (command.sources.length === 1 && ok[0] !== undefined) io.out(`${JSON.stringify({ id: ok[0].id, title: ok[0].title, images: ok[0].images, notes: ok[0].notes }, null, 2)}\n`);
    else if (command.sources.length > 1) io.out(`${JSON.stringify(results, null, 2)}\n`);
  }
  if (failures.length > 0) throw new UserError(failures.join('\n'));
}

async function runCommand(library: Library, command: Command, io: CliIo): Promise<void> {
  const print = printer(io);
  switch (command.command) {
    case 'import':
      return importSources(library, command, io);
    case 'list': {
      const rows = (await library.summaries()).filter((r) => command.state === 'all' || r.state === command.state);
      const plain = rows.length === 0 ? 'No articles.' : rows.map((r) => `${r.id}  ${r.highlightCount} highlights  ${r.state === 'reading' ? '' : `[${r.state}] `}${r.title}`).join('\n');
      print(command.json, rows.map((r) => ({ id: r.id, title: r.title, highlights: r.highlightCount, state: r.state })), plain);
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
        url: meta.sourceUrl,
        lang: meta.language,
        dir: meta.direction,
        excerpt: meta.excerpt,
        tags: meta.tags,
        state: meta.state,
        importedAt: meta.importedAt,
        wordCount,
        text,
        figures,
        annotations,
      };
      print(command.json, value, `${meta.title}\n\n${text}`);
      return;
    }
    case 'annotations': {
      const { text } = await library.content(command.id);
      const rows = (await library.annotations(command.id)).map((annotation) => {
        const row = annotationJson(annotation, text);
        return { ...row, needsReview: annotation.review !== null || row.status === 'orphaned' };
      });
      print(command.json, rows, rows.map((r) => `${r.id}  ${r.status}${r.status === 'fuzzy' ? ` (${Math.round(r.confidence * 100)}%)` : ''}  "${r.quote}"`).join('\n') || 'No annotations.');
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
      if (chosen === undefined) throw new UserError(`That quote appears ${found.length} time${found.length === 1 ? '' : 's'}; --occurrence must be 1 to ${found.length}.`);
      const annotation = await library.addAnnotation(command.id, { color: command.color, note: command.note, tags: command.tags, target: describeSpan(text, chosen.start, chosen.end) });
      const json = annotationJson(annotation, text);
      print(command.json, json, `${json.id}  highlighted "${json.quote}"`);
      return;
    }
    case 'search': {
      const results = await (await LibrarySearch.open(library)).search(command.query);
      const plain = results.length === 0
        ? `Nothing in the library matches “${command.query}”.`
        : results
            // A search of only -words finds nothing to count: such results are just the articles.
            .map((r) => [`${r.articleId}  ${r.title}${r.matchCount === 0 ? '' : `  (${r.matchCount} match${r.matchCount === 1 ? '' : 'es'})`}`, ...r.matches.map((m) => `    ${m.kind}: ${m.snippet.before}[${m.snippet.match}]${m.snippet.after}`)].join('\n'))
            .join('\n');
      print(command.json, results, plain);
      return;
    }
    case 'review': {
      const day = await new DailyReview(library).preview(command.date ?? localDay(new Date()));
      const plain = day.cards.length === 0
        ? day.inReview === 0
          ? 'Nothing to review yet: highlight passages in your articles and they will come back here.'
          : `Nothing to review on ${day.day}${day.nextDue === null ? '' : `; the next highlights come back on ${day.nextDue}`}.`
        : [`${day.day}: ${day.cards.length} highlight${day.cards.length === 1 ? '' : 's'} to review`, ...day.cards.map((c) => `${c.id}  ${c.title}\n    "${c.quote}"${c.note === '' ? '' : `\n    note: ${c.note}`}`)].join('\n');
      print(command.json, day, plain);
      return;
    }
    case 'export': {
      const states = command.state === undefined ? undefined : command.state === 'all' ? (['reading', 'archived', 'trash'] as const) : [command.state];
      const plan = await planExport(library, command.format, command.ids.length === 0 ? null : command.ids, { states, csvExact: command.csvExact });
      if (command.out === undefined) {
        const [only] = plan.files;
        if (plan.files.length !== 1 || only === undefined) throw new UserError(`That export makes ${plan.files.length} files; add --out FOLDER.`);
        io.out(only.content);
        const images = plan.attachments.length;
        if (images > 0) io.err(`The notes refer to ${images === 1 ? '1 image' : `${images} images`} in attachments/; add --out FILE to write ${images === 1 ? 'it' : 'them'} beside them.\n`);
        reportSkipped(plan, io);
        return;
      }
      const written = await writeExport(plan, command.out);
      if (written.paths.length > 1) io.err(`Wrote ${written.paths.length} files into ${command.out}.\n`);
      if (written.missingImages > 0) io.err(`${written.missingImages} image${written.missingImages === 1 ? ' the notes refer to is' : 's the notes refer to are'} missing from the library.\n`);
      reportSkipped(plan, io);
      return;
    }
    case 'import-annotations': {
      const report = await importAnnotationFile(library, command.file, command.article === undefined ? {} : { articleId: command.article });
      const plain = `Attached ${report.attached} annotation${report.attached === 1 ? '' : 's'}${report.alreadyThere > 0 ? `; ${report.alreadyThere} were already there` : ''}.`;
      print(command.json, report, plain);
      for (const line of [...report.problems, ...report.notes]) io.err(`${line}\n`);
      if (report.ambiguous > 0) io.err('Run again with --article ID to attach them to the article you mean.\n');
      return;
    }
    case 'archive':
    case 'trash':
    case 'unarchive':
    case 'tag':
    case 'untag':
      return runArticleCommand(library, command, io);
    case 'backup': {
      const report = await backupDataDir(library.dataDir, command.file);
      io.out(`Backed up ${report.files} files to ${command.file}.\n`);
      return;
    }
  }
}

/** Runs one CLI invocation and returns its exit code. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let lock: WriteLock | null = null;
  let library: Library | null = null;
  try {
    const { dataDir: flag, command } = parseCliArgs(argv);
    if (command.command === 'help') {
      io.out(`${USAGE}\n`);
      return 0;
    }
    // Without a folder named, the app's: moved into <userData>/Library first, as the app does.
    const location = await resolveLibrary(flag, io.env, defaultUserDataDir(io.env), { waitMs: LOCK_WAIT_MS });
    if (location.notice !== null) io.err(`${location.notice}\n`);
    const dataDir = location.dataDir;
    if (command.command === 'restore') {
      await runRestore(command, dataDir, io);
      return 0;
    }
    await checkInputsBeforeLock(command);
    if (WRITES.has(command.command) && !SAVES_AFTER_READING.has(command.command)) lock = await acquireWriteLock(dataDir, { waitMs: LOCK_WAIT_MS });
    library = await Library.open(dataDir, lock === null ? { waitMs: LOCK_WAIT_MS } : { lock });
    await runCommand(library, command, io);
    return 0;
  } catch (error) {
    io.err(`${messageFor(error)}\n`);
    return 1;
  } finally {
    // A repair the library made on the way (a file put back from its backup) is news to the person.
    for (const notice of library?.notices ?? []) io.err(`${notice}\n`);
    await lock?.release();
  }
}
