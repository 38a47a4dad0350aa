// Which command-line arguments are articles to open: "Margin article.html" from a terminal, a
// file manager's "Open with Margin", or a second launch handing its files to the running app.
// File managers hand over paths (the deb's entry: %F) or file:// addresses (the AppImage's: %U).
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ANY_URI = /^[a-z][a-z\d+.-]*:\/\//iu;

function sourceFromArg(arg: string, cwd: string): string {
  if (/^file:\/\//iu.test(arg)) {
    try {
      return fileURLToPath(arg);
    } catch {
      // A file on another host: handed on as it came, for the import to say it cannot read it.
      return arg;
    }
  }
  // Web addresses, and addresses of a kind Margin does not read, are never paths under cwd.
  if (ANY_URI.test(arg) || isAbsolute(arg)) return arg;
  return resolve(cwd, arg);
}

/**
 * @param argv the process's argv (Electron's: the executable, then in development the app folder)
 * @param isPackaged whether this is an installed app (argv[1] is then already the first argument)
 */
export function sourcesFromArgv(argv: readonly string[], isPackaged: boolean, cwd: string): string[] {
  const args = argv.slice(isPackaged ? 1 : 2);
  return args.filter((arg) => arg !== '' && !arg.startsWith('-')).map((arg) => sourceFromArg(arg, cwd));
}
