// Finds article folders that library.json does not list but that hold highlights or notes: left by
// an older library.json put back from a backup, or by a library.json edited by hand. Margin does
// not invent their titles, and does not delete them; it tells the person they are there.
import { readFile, readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { z } from 'zod';
import { annotationsFile } from './files';

const UUID = z.uuid();

// Only whether the file holds anything matters here, so a damaged file counts as holding something.
async function holdsNotes(file: string): Promise<boolean> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return false;
  }
  try {
    const json = JSON.parse(text) as { annotations?: unknown; articleNote?: unknown };
    return (Array.isArray(json.annotations) && json.annotations.length > 0) || (typeof json.articleNote === 'string' && json.articleNote !== '');
  } catch {
    return text.trim() !== '';
  }
}

/** Ids of article folders with highlights or notes that are not in listed. */
export async function unlistedArticlesWithNotes(dataDir: string, listed: ReadonlySet<string>): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(join(dataDir, 'articles'));
  } catch {
    return [];
  }
  const candidates = names.filter((name) => UUID.safeParse(name).success && !listed.has(name));
  const found = await Promise.all(candidates.map(async (id) => ((await holdsNotes(annotationsFile(dataDir, id))) ? id : null)));
  return found.filter((id): id is string => id !== null).sort();
}

export function unlistedArticlesNotice(dataDir: string, ids: readonly string[]): string | null {
  const [first] = ids;
  if (first === undefined) return null;
  const where = relative(dataDir, join(dataDir, 'articles', first));
  const which = ids.length === 1 ? `an article that library.json does not list (${where})` : `${ids.length} articles that library.json does not list (${where} and others)`;
  return `Margin found highlights for ${which} and left them untouched.`;
}
