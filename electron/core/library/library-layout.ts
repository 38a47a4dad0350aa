// Which paths in a library folder are Margin's own (DESIGN.md, "Data on disk"). Backup, restore
// and the move into <userData>/Library take these and nothing else, so whatever else lies in the
// folder (Chromium's lock links, caches and cookies when the folder is Electron's userData, a
// stray file a person dropped there) is never copied, restored over or moved.

/** A top-level name and whether it is a single file or a folder of the library. */
type TopLevel = { name: string; kind: 'file' } | { name: string; kind: 'folder'; inside: 'anything' | 'articles' };

// Order matters to the move: library.json and the article folders go last, so a library whose
// move stopped midway still looks like a library where it came from until the very end.
const TOP_LEVEL: readonly TopLevel[] = [
  { name: 'assets', kind: 'folder', inside: 'anything' },
  { name: 'backups', kind: 'folder', inside: 'anything' },
  { name: 'search-text', kind: 'folder', inside: 'anything' },
  { name: 'search-index.json', kind: 'file' },
  { name: 'annotation-stats.json', kind: 'file' },
  { name: 'sync', kind: 'folder', inside: 'anything' },
  { name: 'articles', kind: 'folder', inside: 'articles' },
  { name: 'library.json', kind: 'file' },
];

/** Margin's own top-level entries, in the order the move takes them. */
export const LIBRARY_ENTRIES: readonly string[] = TOP_LEVEL.map((entry) => entry.name);

/** What an article's folder holds: its body and highlights, and folders of earlier copies. */
const ARTICLE_FILES = new Set(['article.html', 'annotations.json']);
const ARTICLE_FOLDERS = new Set(['revisions', 'backups']);

/**
 * Whether a path inside a library folder (its steps, `/`-separated in an archive) is Margin's
 * own. `folder` says whether the entry is a folder; a name in the wrong kind is not Margin's.
 */
export function isLibraryPath(steps: readonly string[], folder: boolean): boolean {
  const [first, ...rest] = steps;
  const top = TOP_LEVEL.find((entry) => entry.name === first);
  if (top === undefined) return false;
  if (top.kind === 'file') return rest.length === 0 && !folder;
  if (rest.length === 0) return folder;
  if (top.inside === 'anything') return true;
  // articles/<id>/...
  const [, name, ...below] = rest;
  if (name === undefined) return folder;
  if (ARTICLE_FILES.has(name)) return below.length === 0 && !folder;
  return ARTICLE_FOLDERS.has(name) && (below.length > 0 || folder);
}
