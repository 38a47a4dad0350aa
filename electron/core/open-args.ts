// Which command-line arguments are articles to open: "Margin article.html" from a terminal, a
// file manager's "Open with Margin", or a second launch handing its files to the running app.
import { isAbsolute, resolve } from 'node:path';

/**
 * @param argv the process's argv (Electron's: the executable, then in development the app folder)
 * @param isPackaged whether this is an installed app (argv[1] is then already the first argument)
 */
export function sourcesFromArgv(argv: readonly string[], isPackaged: boolean, cwd: string): string[] {
  const args = argv.slice(isPackaged ? 1 : 2);
  return args
    .filter((arg) => arg !== '' && !arg.startsWith('-'))
    .map((arg) => (/^https?:\/\//iu.test(arg) || isAbsolute(arg) ? arg : resolve(cwd, arg)));
}
