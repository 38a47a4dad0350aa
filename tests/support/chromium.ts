// Which Chromium the browser tests drive: $CHROMIUM_PATH, else the system's (Debian's
// /usr/bin/chromium on the build machines), else Playwright's own download.
import { existsSync } from 'node:fs';
import CANDIDATES from './chromium-paths.json' with { type: 'json' };

export function systemChromium(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  return CANDIDATES.find((path) => existsSync(path));
}

/** Flags for a quiet, offline, headless run; as root Chromium also needs --no-sandbox. */
export function chromiumArgs(): string[] {
  const args = [
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ];
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  return args;
}
