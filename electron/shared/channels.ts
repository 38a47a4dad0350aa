// The names of the IPC channels and of the methods on `window.margin` that call them. Kept free
// of zod so the sandboxed preload bundles nothing but this table.
export const API_METHODS = {
  listArticles: 'library:list',
  openArticle: 'article:open',
  importFiles: 'article:import-files',
  createAnnotation: 'annotation:create',
  updateAnnotation: 'annotation:update',
  deleteAnnotation: 'annotation:delete',
  exportMarkdown: 'export:markdown',
} as const;

export type ApiMethod = keyof typeof API_METHODS;
export type Channel = (typeof API_METHODS)[ApiMethod];
export const CHANNELS = Object.values(API_METHODS) as Channel[];

/** Main -> renderer: a menu item the renderer acts on (it knows which article is open). */
export const MENU_COMMAND_CHANNEL = 'menu:command';
export const MENU_COMMANDS = ['import-files', 'export-article', 'export-library'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

export function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === 'string' && (MENU_COMMANDS as readonly string[]).includes(value);
}
