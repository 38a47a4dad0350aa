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
  { name: 'review.json', kind: 'file' },
  { name: 'sync', kind: 'folder', inside: 'anything' },
  { name: 'articles', kind: 'folder', inside: 'articles' },
  { name: 'library.json', kind: 'file' },
];

/** What an article's folder holds: its body, highlights and own entry of the list, and folders of earlier copies. */
const ARTICLE_FILES = new Set(['article.html', 'annotations.json', 'meta.json']);
const ARTICLE_FOLDERS = new Set(['revisions', 'backups']);

// A file the store found damaged is kept beside it as `<name>.damaged-<time>` (stored-document.ts):
// it may still hold what the person wrote, so it is theirs as much as the file itself.
const DAMAGED_COPY = /\.damaged-[^/\\]+$/u;
const ownFile = (name: string, files: (name: string) => boolean) => files(name) || (DAMAGED_COPY.test(name) && files(name.replace(DAMAGED_COPY, '')));

function topLevel(name: string): { entry: TopLevel; rank: number } | null {
  const base = name.replace(DAMAGED_COPY, '');
  const index = TOP_LEVEL.findIndex((entry) => entry.name === base);
  const entry = TOP_LEVEL[index];
  if (entry === undefined || (base !== name && entry.kind !== 'file')) return null;
  // A damaged copy goes just before its file.
  return { entry, rank: base === name ? index : index - 0.5 };
}

/**
 * Whether a path inside a library folder (its steps, `/`-separated in an archive) is Margin's
 * own. `folder` says whether the entry is a folder; a name in the wrong kind is not Margin's.
 */
export function isLibraryPath(steps: readonly string[], folder: boolean): boolean {
  const [first, ...rest] = steps;
  const top = first === undefined ? null : topLevel(first)?.entry;
  if (top === undefined || top === null) return false;
  if (top.kind === 'file') return rest.length === 0 && !folder;
  if (rest.length === 0) return folder;
  if (top.inside === 'anything') return true;
  // articles/<id>/...
  const [, name, ...below] = rest;
  if (name === undefined) return folder;
  if (ownFile(name, (n) => ARTICLE_FILES.has(n))) return below.length === 0 && !folder;
  return ARTICLE_FOLDERS.has(name) && (below.length > 0 || folder);
}

/** Margin's own names among a folder's top-level names, in the order a move takes them. */
export function libraryEntries(names: readonly string[]): string[] {
  const ranked = names.flatMap((name) => {
    const found = topLevel(name);
    return found === null ? [] : [{ name, rank: found.rank }];
  });
  return ranked.sort((a, b) => a.rank - b.rank || (a.name < b.name ? -1 : 1)).map((entry) => entry.name);
}
