// The names of the IPC channels and of the methods on `window.margin` that call them. Kept free
// of zod so the sandboxed preload bundles nothing but this table.
export const API_METHODS = {
  listArticles: 'library:list',
  librarySettings: 'library:settings',
  setColorLabel: 'library:set-color-label',
  setSpellcheck: 'library:set-spellcheck',
  emptyTrash: 'library:empty-trash',
  backUpLibrary: 'library:backup',
  searchLibrary: 'library:search',
  openArticle: 'article:open',
  updateArticle: 'article:update',
  setArticleNote: 'article:set-note',
  reimportArticle: 'article:reimport',
  chooseImportFiles: 'dialog:choose-import-files',
  importArticle: 'article:import',
  importText: 'article:import-text',
  createAnnotation: 'annotation:create',
  updateAnnotation: 'annotation:update',
  deleteAnnotation: 'annotation:delete',
  restoreAnnotation: 'annotation:restore',
  importAnnotations: 'annotations:import',
  previewExport: 'export:preview',
  saveExport: 'export:save',
  exportProgress: 'export:progress',
  cancelExport: 'export:cancel',
  openReview: 'review:open',
  markReview: 'review:mark',
  setReviewPerDay: 'review:set-per-day',
} as const;

export type ApiMethod = keyof typeof API_METHODS;
export type Channel = (typeof API_METHODS)[ApiMethod];

/** Main -> renderer: a menu item the renderer acts on (it knows which article is open). */
export const MENU_COMMAND_CHANNEL = 'menu:command';
/** Main -> renderer: files or addresses handed to the app (command line, second launch, dock). */
export const IMPORT_REQUEST_CHANNEL = 'app:import-sources';
/** Preload -> main, one way: the paths of files the person really dropped on the window, which main lets the renderer import. */
export const DROPPED_PATHS_CHANNEL = 'app:dropped-paths';

export function isSourceList(value: unknown): value is string[] {
  return Array.isArray(value) && value.length <= 1000 && value.every((item) => typeof item === 'string' && item.length > 0 && item.length < 10_000);
}
export const MENU_COMMANDS = [
  'import-files',
  'export-article',
  'export-library',
  'highlight-selection',
  'note-selection',
  'show-shortcuts',
  'import-annotations',
  'backup-library',
  'review-highlights',
] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

export function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === 'string' && (MENU_COMMANDS as readonly string[]).includes(value);
}
