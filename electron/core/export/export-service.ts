// One way to export, used by the CLI and by the app's Export dialog: gather the articles, render
// the chosen format, and write it - a file, or a folder of files where a Markdown file already
// there is merged (the person's own text outside Margin's markers is kept). Exporting never
// changes the library.
import { mkdir, readFile, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { assetNameFromUrl } from '../../shared/asset-url';
import type { ArticleState } from '../../shared/model';
import { readAsset } from '../assets/asset-store';
import { UserError } from '../errors';
import { durableWrite } from '../library/durable-write';
import { isDiskFailure, isDiskFull } from '../library/store-errors';
import { EXPORT_INSIDE_LIBRARY, checkOutputFile, checkOutputFolder, isInsideFolder } from '../files/output-target';
import type { Library } from '../library/library';
import { ExportCancelled } from './durable-stream';
import { exportArticle, type ExportArticle } from './export-article';
import { exportFileName } from './export-file-name';
import { textOf, wholeText, type ExportText } from './export-text';
import { inThreadRunner, type ExportRunner, type RunOptions } from './export-runner';
import { markdownFiles } from './obsidian-markdown';
import { collectAttachments, type MarkdownAttachments } from './markdown-figures';
import { mergeMarkdown } from './markdown-merge';
import { SINGLE_FILE_NAMES, singleFileText, type SingleFileJob } from './single-file-export';

export const EXPORT_FORMATS = ['markdown', 'csv', 'jsonld', 'html', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const FORMAT_EXTENSIONS: Record<ExportFormat, string> = { markdown: 'md', csv: 'csv', jsonld: 'jsonld', html: 'html', json: 'json' };

export interface ExportFile {
  name: string;
  /** The text as it is written, part by part. */
  text: ExportText;
  /** The whole text (built on first read), for a preview or standard output. */
  readonly content: string;
}

/** A file whose text is already whole. */
function textFile(name: string, content: string): ExportFile {
  return { name, content, text: wholeText(content) };
}

/** A file written part by part; its whole text only when asked for. */
function streamedFile(name: string, text: ExportText): ExportFile {
  let content: string | null = null;
  return {
    name,
    text,
    get content() {
      content ??= textOf(text);
      return content;
    },
  };
}

/** A stored image the files refer to, to be copied beside them. */
export interface ExportAttachment {
  /** Relative to the folder the files go into, as the files refer to it (`attachments/<name>`). */
  path: string;
  /** The image's bytes; null when the library no longer has it. */
  read: () => Promise<Uint8Array | null>;
}

export interface ExportPlan {
  format: ExportFormat;
  files: ExportFile[];
  /** When true the files belong in a folder (one per article); otherwise there is one file. */
  perArticle: boolean;
  attachments: ExportAttachment[];
  /** One sentence per article left out because Margin could not read it (its text missing or damaged); the others are in the files. */
  skipped: string[];
  /** How many articles the export was asked for, written and skipped. */
  asked: number;
  /** The library exported from: an export is never written inside it. */
  libraryDir: string;
  /** For a library-wide export to one file: the job that writes it, in this thread or a worker. */
  job?: SingleFileJob | undefined;
}

/** The line that ends an export which skipped some articles, after the sentence naming each. */
export function skippedSummary(skipped: number, asked: number): string {
  const count = (n: number) => n.toLocaleString('en-US');
  const rest = asked - skipped;
  return `Skipped ${count(skipped)} of ${count(asked)} article${asked === 1 ? '' : 's'} (named above); the other ${count(rest)} ${rest === 1 ? 'was' : 'were'} exported.`;
}

export interface ExportWritten {
  /** The files written (not the images beside them). */
  paths: string[];
  /** Images copied beside them, or already there from an earlier export. */
  images: number;
  /** Images the files refer to that the library no longer holds. */
  missingImages: number;
}

export interface ExportOptions {
  /** When the export names no articles, those in these places; the trash only when asked. */
  states?: readonly ArticleState[] | undefined;
  /** Readwise CSV exactly as Readwise reads it, without defusing cells that look like formulas. */
  csvExact?: boolean | undefined;
  /** The export's time; a parameter so output is reproducible. */
  now?: Date | undefined;
}

/** What "export everything" holds: what the person reads and keeps, not what they threw away. */
export const DEFAULT_EXPORT_STATES: readonly ArticleState[] = ['reading', 'archived'];

interface Gathered {
  articles: ExportArticle[];
  skipped: string[];
  asked: number;
}

/**
 * The articles named, wherever they are; with none named, every article in `states`. One that
 * cannot be read (its text gone, its highlights damaged beyond repair) is left out and named, so
 * a person exporting a thousand articles gets the other 999; when none can be read, nothing is
 * exported and the export fails with their sentences.
 */
export async function gatherArticles(library: Library, ids: readonly string[] | null, states: readonly ArticleState[] = DEFAULT_EXPORT_STATES): Promise<Gathered> {
  const metas = ids === null ? library.articles().filter((meta) => states.includes(meta.state)) : ids.map((id) => library.meta(id));
  const read = await Promise.all(
    metas.map(async (meta): Promise<ExportArticle | string> => {
      try {
        const [html, content, annotations] = await Promise.all([library.html(meta.id), library.content(meta.id), library.annotations(meta.id)]);
        return exportArticle({ meta, articleNote: await library.articleNote(meta.id), annotations, html, text: content.text });
      } catch (error) {
        if (error instanceof UserError) return error.message;
        throw error;
      }
    }),
  );
  const articles = read.filter((entry): entry is ExportArticle => typeof entry !== 'string');
  const skipped = read.filter((entry): entry is string => typeof entry === 'string');
  if (articles.length === 0 && skipped.length > 0) throw new UserError(skipped.join('\n'));
  return { articles, skipped, asked: metas.length };
}

async function inlineImage(dataDir: string, src: string): Promise<string | null> {
  const name = assetNameFromUrl(src);
  if (name === null) return src.startsWith('data:image/') ? src : null;
  const bytes = await readAsset(dataDir, name);
  if (bytes === null) return null;
  const type = name.endsWith('.jpg') ? 'image/jpeg' : name.endsWith('.svg') ? null : `image/${name.split('.').pop() ?? 'png'}`;
  return type === null ? null : `data:${type};base64,${Buffer.from(bytes).toString('base64')}`;
}

async function htmlFile(library: Library, article: ExportArticle, exportedAt: string): Promise<ExportFile> {
  // The annotated page is built in a jsdom document (and its notes sanitized by DOMPurify): loaded
  // on the first HTML export, so a main process that never makes one never holds jsdom.
  const { annotatedHtml } = await import('./annotated-html');
  // The annotated page is synchronous over its images, so they are read first.
  const images = new Map<string, string | null>();
  for (const match of article.html.matchAll(/src="([^"]+)"/gu)) {
    const src = match[1];
    if (src !== undefined && !images.has(src)) images.set(src, await inlineImage(library.dataDir, src));
  }
  return textFile(exportFileName(article.meta.title, 'html'), annotatedHtml(article, { exportedAt, resolveImage: (src) => images.get(src) ?? null }));
}

function attachmentsOf(library: Library, collected: MarkdownAttachments): ExportAttachment[] {
  return [...collected.entries()].map(([path, src]) => {
    const name = assetNameFromUrl(src);
    return { path, read: () => (name === null ? Promise.resolve(null) : readAsset(library.dataDir, name)) };
  });
}

export async function planExport(library: Library, format: ExportFormat, ids: readonly string[] | null, options: ExportOptions = {}): Promise<ExportPlan> {
  const { articles, ...gathered } = await gatherArticles(library, ids, options.states);
  return { ...(await planFormat(library, format, articles, options)), ...gathered, libraryDir: library.dataDir };
}

async function planFormat(library: Library, format: ExportFormat, articles: ExportArticle[], options: ExportOptions): Promise<Omit<ExportPlan, keyof Omit<Gathered, 'articles'> | 'libraryDir'>> {
  const exportedAt = (options.now ?? new Date()).toISOString();
  const single = articles.length === 1 ? articles[0] : undefined;
  if (format === 'html') {
    return { format, perArticle: true, attachments: [], files: await Promise.all(articles.map((article) => htmlFile(library, article, exportedAt))) };
  }
  const attachments: MarkdownAttachments = new Map();
  if (format === 'markdown' && single !== undefined) {
    const files = markdownFiles([single], { exportedAt, attachments }).map(({ name, content }) => textFile(name, content));
    return { format, perArticle: false, files, attachments: attachmentsOf(library, attachments) };
  }
  // The notes' images are found before the notes are written, so they can be copied first.
  if (format === 'markdown') collectAttachments(articles, attachments);
  const job: SingleFileJob = { format, articles, exportedAt, csvExact: options.csvExact === true };
  return { format, perArticle: false, files: [streamedFile(SINGLE_FILE_NAMES[format], singleFileText(job))], attachments: attachmentsOf(library, attachments), job };
}

/** Markdown one file per article, for exporting into a folder (an Obsidian vault). */
export async function planMarkdownFolder(library: Library, ids: readonly string[] | null, options: ExportOptions = {}): Promise<ExportPlan> {
  const attachments: MarkdownAttachments = new Map();
  const { articles, ...gathered } = await gatherArticles(library, ids, options.states);
  const files = markdownFiles(articles, { exportedAt: (options.now ?? new Date()).toISOString(), attachments });
  return { format: 'markdown', perArticle: true, files: files.map(({ name, content }) => textFile(name, content)), attachments: attachmentsOf(library, attachments), ...gathered, libraryDir: library.dataDir };
}

async function isDirectory(path: string): Promise<boolean> {
  return stat(path).then((info) => info.isDirectory(), () => false);
}

function writeProblem(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'its folder does not exist';
  if (code === 'EACCES') return 'permission denied';
  if (isDiskFull(error)) return 'the disk is full';
  if (isDiskFailure(error)) return 'the disk reported an input/output error';
  return (error as Error).message;
}

/** Runs a write, putting a failure of the disk into one sentence that names the file. */
async function inWords<T>(path: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof UserError || error instanceof ExportCancelled) throw error;
    throw new UserError(`Margin could not write ${path}: ${writeProblem(error)}.`);
  }
}

const writeDurably = (path: string, content: string | Uint8Array): Promise<void> => inWords(path, () => durableWrite(path, content));

async function writeOne(path: string, file: ExportFile, format: ExportFormat): Promise<void> {
  let content = file.content;
  if (format === 'markdown') {
    const existing = await readFile(path, 'utf8').catch(() => null);
    if (existing !== null) content = mergeMarkdown(existing, file.content);
  }
  await writeDurably(path, content);
}

/**
 * Copies the images beside the files, before the files, so a note never points at an image not
 * there yet. Stored images are named by their content, so one already there is the same image.
 */
async function writeAttachments(attachments: readonly ExportAttachment[], folder: string): Promise<Pick<ExportWritten, 'images' | 'missingImages'>> {
  let images = 0;
  let missingImages = 0;
  for (const attachment of attachments) {
    const path = join(folder, attachment.path);
    if (await stat(path).then((info) => info.isFile(), () => false)) {
      images++;
      continue;
    }
    const bytes = await attachment.read();
    if (bytes === null) {
      missingImages++;
      continue;
    }
    await mkdir(dirname(path), { recursive: true });
    await writeDurably(path, bytes);
    images++;
  }
  return { images, missingImages };
}

export interface WriteOptions extends RunOptions {
  /** Writes a library-wide export to one file; the app passes the worker's, the CLI and tests this thread's. */
  runner?: ExportRunner | undefined;
}

/**
 * Writes the plan to a file, or into a folder: when the plan has several files, when it is one
 * file per article and the target is not named like that one file, or when the target is a folder.
 * A cancel (through `options.signal`) rejects with ExportCancelled and leaves the target as it was.
 */
export async function writeExport(plan: ExportPlan, target: string, options: WriteOptions = {}): Promise<ExportWritten> {
  const { job } = plan;
  // A library-wide one-file export streams through the runner; other files are small and whole.
  const write = (path: string, file: ExportFile) =>
    job === undefined ? writeOne(path, file, plan.format) : inWords(path, () => (options.runner ?? inThreadRunner())(job, path, options));
  const namedAsFile = target.toLowerCase().endsWith(`.${FORMAT_EXTENSIONS[plan.format]}`);
  const intoFolder = plan.files.length > 1 || (plan.perArticle && !namedAsFile) || (await isDirectory(target));
  if (await isInsideFolder(intoFolder ? target : dirname(target), plan.libraryDir)) throw new UserError(EXPORT_INSIDE_LIBRARY);
  // Every file it would write is checked before the first is written.
  const folder = intoFolder ? target : dirname(target);
  if (intoFolder) await checkOutputFolder(target);
  for (const path of intoFolder ? plan.files.map((file) => join(target, file.name)) : [target]) await checkOutputFile(path);
  for (const attachment of plan.attachments) {
    await checkOutputFolder(dirname(join(folder, attachment.path)));
    await checkOutputFile(join(folder, attachment.path));
  }
  if (!intoFolder) {
    const [file] = plan.files;
    if (file === undefined) return { paths: [], images: 0, missingImages: 0 };
    if (!(await isDirectory(dirname(target)))) throw new UserError(`Margin could not write ${target}: its folder does not exist.`);
    const images = await writeAttachments(plan.attachments, dirname(target));
    await write(target, file);
    return { paths: [target], ...images };
  }
  await mkdir(target, { recursive: true });
  const images = await writeAttachments(plan.attachments, target);
  const paths: string[] = [];
  for (const file of plan.files) {
    const path = join(target, file.name);
    await write(path, file);
    paths.push(path);
  }
  return { paths, ...images };
}
