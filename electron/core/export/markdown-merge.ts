// Re-export into a file that already exists (issue 5, item 1): Margin's part is rewritten, the
// person's part is kept. Margin's part is the text between its two marker lines plus the front
// matter keys it writes; everything else (text above or below the markers, extra properties such
// as `aliases` or `cssclasses`) survives byte for byte, so exporting again never costs a person
// what they wrote. Merging by regions, not by diffing, is what makes this safe without a merge
// library: Margin never has to decide whose a changed line is.
import { UserError } from '../errors';
import { splitFrontMatter, renderFrontMatter, type FrontMatterEntry } from './front-matter';
import { isRegionBegin, isRegionEnd } from './margin-region';
import { MARGIN_PROPERTY_KEYS } from './obsidian-markdown';

export class MergeConflictError extends UserError {
  override name = 'MergeConflictError';
}

const OWNED = new Set<string>(MARGIN_PROPERTY_KEYS);

interface Region {
  begin: number;
  end: number;
}

/** The lines of Margin's region (markers included), null when there is none. */
function findRegion(lines: readonly string[]): Region | null {
  const begins = lines.flatMap((line, index) => (isRegionBegin(line) ? [index] : []));
  const ends = lines.flatMap((line, index) => (isRegionEnd(line) ? [index] : []));
  if (begins.length === 0 && ends.length === 0) return null;
  const [begin] = begins;
  const [end] = ends;
  if (begins.length !== 1 || ends.length !== 1 || begin === undefined || end === undefined || end < begin) {
    // Guessing which lines are Margin's could delete the person's words; better to stop.
    throw new MergeConflictError(
      `The file has ${begins.length} start and ${ends.length} end markers of Margin's notes; expected one of each, in order. Fix the markers or export to a new file.`,
    );
  }
  return { begin, end };
}

function mergeProperties(mine: FrontMatterEntry[], theirs: FrontMatterEntry[] | null): FrontMatterEntry[] {
  if (theirs === null) return mine;
  return [...mine, ...theirs.filter((entry) => !OWNED.has(entry.key))];
}

/**
 * The file to write when `generated` (a fresh export) goes where `existing` already is. With no
 * markers in `existing`, Margin's region is added at its end and nothing is replaced. Throws
 * MergeConflictError when the markers are damaged. Line ends follow `existing`.
 */
export function mergeMarkdown(existing: string, generated: string): string {
  const crlf = existing.includes('\r\n');
  const bom = existing.startsWith('\ufeff') ? '\ufeff' : '';
  const old = splitFrontMatter(existing.slice(bom.length).replace(/\r\n/gu, '\n'));
  const fresh = splitFrontMatter(generated);
  const freshLines = fresh.body.split('\n');
  const freshRegion = findRegion(freshLines);
  if (fresh.frontMatter === null || freshRegion === null) {
    throw new Error('mergeMarkdown: the generated text must be a Margin export (front matter and markers).');
  }
  const marginPart = freshLines.slice(freshRegion.begin, freshRegion.end + 1);
  const oldLines = old.body.split('\n');
  const oldRegion = findRegion(oldLines);
  let bodyLines: string[];
  if (oldRegion === null) {
    const kept = old.body.replace(/\n+$/u, '');
    bodyLines = kept === '' ? [...marginPart, ''] : [kept, '', ...marginPart, ''];
  } else {
    bodyLines = [...oldLines.slice(0, oldRegion.begin), ...marginPart, ...oldLines.slice(oldRegion.end + 1)];
  }
  const properties = mergeProperties(fresh.frontMatter, old.frontMatter);
  const merged = `${renderFrontMatter(properties, old.leading)}${bodyLines.join('\n')}`;
  return bom + (crlf ? merged.replace(/\n/gu, '\r\n') : merged);
}

/** The Margin article id a Markdown file was exported from, read from its front matter. */
export function marginIdOf(fileText: string): string | null {
  const { frontMatter } = splitFrontMatter(fileText.replace(/^\ufeff/u, '').replace(/\r\n/gu, '\n'));
  const line = frontMatter?.find((entry) => entry.key === 'margin-id')?.lines[0];
  const match = line === undefined ? null : /^margin-id:\s*"?([0-9a-f-]{36})"?\s*$/iu.exec(line);
  return match?.[1]?.toLowerCase() ?? null;
}
