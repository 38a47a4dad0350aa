// The library's folder for the CLI: the same one the app uses (Electron's userData for an app
// named Margin), unless --data-dir or MARGIN_DATA_DIR says otherwise.
import { homedir } from 'node:os';
import { join } from 'node:path';

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  const home = homedir();
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Margin');
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Margin');
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), 'Margin');
}

export function resolveDataDir(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return flag ?? env.MARGIN_DATA_DIR ?? defaultDataDir(env);
}
