// Runs the Electron end-to-end tests where the Electron binary is installed, under xvfb-run when
// there is no display. Where the binary is missing (installed with ELECTRON_SKIP_BINARY_DOWNLOAD)
// it says so in one line and runs nothing, so nothing is counted as passed.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';

// Found without require('electron'), which would try to download the binary when it is missing.
function electronBinary() {
  try {
    const dir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
    const relative = readFileSync(join(dir, 'path.txt'), 'utf8');
    const path = join(process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(dir, 'dist'), relative);
    return existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

if (electronBinary() === null) {
  console.log('skipped: Electron binary not installed');
  process.exit(0);
}

const playwright = ['playwright', 'test', '-c', 'playwright.electron.config.ts', ...process.argv.slice(2)];
const needsDisplay = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
const [command, args] = needsDisplay ? ['xvfb-run', ['-a', 'npx', ...playwright]] : ['npx', playwright];
const result = spawnSync(command, args, { stdio: 'inherit' });
if (result.error) {
  console.error(`Could not run ${command}: ${result.error.message}${needsDisplay ? ' (install xvfb to run the Electron tests without a display)' : ''}`);
  process.exit(1);
}
process.exit(result.status ?? 1);
