// Runs scripts/package-dir.mjs (electron-builder --linux --dir) the way CI must: offline, with its
// caches in a scratch folder, and ended at its first attempt to reach the network.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from './paths';

export interface PackagedBuild {
  /** OUT/linux-unpacked: the app as the installers carry it. */
  appDir: string;
  /** OUT/linux-integration/<target>: what each Linux target installs for the desktop. */
  integrationDir: string;
  seconds: number;
  log: string;
}

/**
 * The environment the build runs in: offline, caches in scratch, and ended by its first attempt to
 * reach the network.
 */
export function offlineEnv(scratch: string): NodeJS.ProcessEnv {
  const cache = join(scratch, 'cache');
  // Anything that honours a proxy is sent to a port where nothing listens; Node itself (and
  // every Node child, npm among them) refuses any connection through refuse-network.mjs.
  const nowhere = 'http://127.0.0.1:9';
  return {
    ...process.env,
    ELECTRON_BUILDER_OFFLINE: 'true',
    ELECTRON_SKIP_BINARY_DOWNLOAD: '1',
    ELECTRON_BUILDER_CACHE: cache,
    ELECTRON_CACHE: cache,
    XDG_CACHE_HOME: cache,
    npm_config_cache: join(cache, 'npm'),
    npm_config_offline: 'true',
    npm_config_update_notifier: 'false',
    HTTP_PROXY: nowhere,
    HTTPS_PROXY: nowhere,
    http_proxy: nowhere,
    https_proxy: nowhere,
    NO_PROXY: '',
    no_proxy: '',
    NODE_OPTIONS: `--import=${pathToFileURL(join(repoRoot, 'tests/unit/support/refuse-network.mjs')).href}`,
  };
}

/** Builds the unpacked Linux app from electronDist into outDir; rejects with the build's output. */
export async function buildUnpackedApp(electronDist: string, outDir: string, scratch: string): Promise<PackagedBuild> {
  const env = offlineEnv(scratch);
  const started = performance.now();
  const child = spawn(process.execPath, [join(repoRoot, 'scripts/package-dir.mjs'), '--electron-dist', electronDist, '--out', outDir], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  if (code !== 0) throw new Error(`package-dir.mjs exited with ${code}:\n${log}`);
  return { appDir: join(outDir, 'linux-unpacked'), integrationDir: join(outDir, 'linux-integration'), seconds: (performance.now() - started) / 1000, log };
}
