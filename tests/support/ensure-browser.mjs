// Before the browser tests: use the system's Chromium when there is one (Debian's on the build
// machines); otherwise fetch Playwright's own, which needs the internet once.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

const candidates = JSON.parse(readFileSync(new URL('./chromium-paths.json', import.meta.url), 'utf8'));
const fromEnv = process.env.CHROMIUM_PATH;
if (!(fromEnv && existsSync(fromEnv)) && !candidates.some((path) => existsSync(path))) {
  console.log('No system Chromium found; installing the Playwright build of Chromium.');
  const result = spawnSync('npx', ['playwright', 'install', 'chromium'], { stdio: 'inherit' });
  process.exit(result.status ?? 1);
}
