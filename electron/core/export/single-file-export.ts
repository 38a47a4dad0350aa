// The library-wide exports that make one file (combined Markdown, Readwise CSV, JSON-LD, Margin's
// own JSON), described as plain data: the articles and the choices. Plain data, so the same job
// can be rendered in this thread (the CLI, tests) or handed to the export worker.
import type { ExportArticle } from './export-article';
import type { ExportText } from './export-text';
import { combinedMarkdownText } from './obsidian-markdown';
import { readwiseCsvText } from './readwise-csv';
import { webAnnotationText } from './web-annotation';

export const SINGLE_FILE_FORMATS = ['markdown', 'csv', 'jsonld', 'json'] as const;
export type SingleFileFormat = (typeof SINGLE_FILE_FORMATS)[number];

export interface SingleFileJob {
  format: SingleFileFormat;
  articles: ExportArticle[];
  /** ISO instant the files say they were exported at. */
  exportedAt: string;
  /** Readwise CSV exactly as Readwise reads it (see readwise-csv.ts). */
  csvExact: boolean;
  /** The JSON-LD collection's UUID; a fresh one when absent. A parameter so output is reproducible. */
  collectionId?: string | undefined;
}

export const SINGLE_FILE_NAMES: Record<SingleFileFormat, string> = {
  markdown: 'margin-notes.md',
  csv: 'margin-highlights.csv',
  jsonld: 'margin-annotations.jsonld',
  json: 'margin-library.json',
};

/**
 * Margin's own JSON: each article's metadata, note and highlights, as JSON.stringify with two
 * spaces indents the whole, one article at a time (nested two levels down, hence the indent).
 */
const libraryJsonText = (articles: readonly ExportArticle[], exportedAt: string): ExportText =>
  function* library(sink) {
    sink.write(`{\n  "exportedAt": ${JSON.stringify(exportedAt)},\n  "articles": [`);
    if (articles.length === 0) {
      sink.write(']\n}\n');
      return;
    }
    let done = 0;
    for (const { meta, articleNote, annotations } of articles) {
      // JSON.stringify writes no raw line breaks inside strings, so every \n is between values.
      sink.write(done === 0 ? '\n    ' : ',\n    ');
      sink.write(JSON.stringify({ meta, articleNote, annotations }, null, 2).replace(/\n/g, '\n    '));
      yield ++done;
    }
    sink.write('\n  ]\n}\n');
  };

export function singleFileText(job: SingleFileJob): ExportText {
  switch (job.format) {
    case 'markdown':
      return combinedMarkdownText(job.articles, { exportedAt: job.exportedAt });
    case 'csv':
      return readwiseCsvText(job.articles, { exact: job.csvExact });
    case 'jsonld':
      return webAnnotationText(job.articles, { exportedAt: job.exportedAt, ...(job.collectionId === undefined ? {} : { collectionId: job.collectionId }) });
    case 'json':
      return libraryJsonText(job.articles, job.exportedAt);
  }
}
