// Where the library is, for the app and the CLI alike: --data-dir or MARGIN_DATA_DIR name the
// library folder itself; otherwise it is <userData>/Library, userData being Electron's folder for
// an app named Margin (library-location.ts moves a library of Margin 0.1 in from userData).
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { locateLibrary, type LibraryLocation, type LocateOptions } from './library-location';

/** Electron's userData for Margin on this platform (app.getPath('userData') in the app). */
export function defaultUserDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  // $HOME is what homedir() answers on Linux and macOS; read from env so a caller can set it.
  const home = env.HOME ?? homedir();
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Margin');
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Margin');
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), 'Margin');
}

/**
 * Where the library is: the folder named, as it is; else <userData>/Library, after the same move
 * into it the app makes (so the CLI and the app always open the same library).
 */
export async function resolveLibrary(flag: string | undefined, env: NodeJS.ProcessEnv, userData: string, options: LocateOptions = {}): Promise<LibraryLocation> {
  // An empty MARGIN_DATA_DIR is taken as unset, as the app takes it (electronDataDirFor).
  const chosen = flag ?? (env.MARGIN_DATA_DIR === '' ? undefined : env.MARGIN_DATA_DIR);
  return chosen === undefined ? locateLibrary(userData, options) : { dataDir: chosen, notice: null };
}

/**
 * Electron's own folder when MARGIN_DATA_DIR names the library: beside it, not inside it, so
 * Chromium's files never mix with the library; null when the app keeps Electron's default.
 */
export function electronDataDirFor(env: NodeJS.ProcessEnv): string | null {
  const chosen = env.MARGIN_DATA_DIR;
  return chosen === undefined || chosen === '' ? null : `${resolve(chosen)}.electron`;
}
