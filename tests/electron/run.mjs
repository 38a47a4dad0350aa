// Runs the Electron end-to-end tests where the Electron binary is installed, under xvfb-run when
// there is no display. Where the binary is missing (installed with ELECTRON_SKIP_BINARY_DOWNLOAD)
// it runs nothing and its last line says how many tests were skipped, so nothing is counted as
// passed. (The glue itself runs everywhere, under a stand-in Electron: tests/glue.)
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

/** How many tests the Electron suite holds, from Playwright's own listing (no binary needed). */
function countTests() {
  const listed = spawnSync('npx', ['playwright', 'test', '-c', 'playwright.electron.config.ts', '--list', '--reporter=json'], { encoding: 'utf8' });
  if (listed.status !== 0) return null;
  const countIn = (suite) =>
    (suite.specs ?? []).reduce((sum, spec) => sum + (spec.tests ?? []).length, 0) + (suite.suites ?? []).reduce((sum, inner) => sum + countIn(inner), 0);
  try {
    return countIn(JSON.parse(listed.stdout));
  } catch {
    return null;
  }
}

if (electronBinary() === null) {
  const count = countTests();
  if (count === null) {
    console.error('Electron end-to-end: could not list the tests to skip; see `npx playwright test -c playwright.electron.config.ts --list`.');
    process.exit(1);
  }
  console.log(`Electron end-to-end: 0 passed, ${count} skipped (the Electron binary is not installed here)`);
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
