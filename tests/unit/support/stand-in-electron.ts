// Two stand-ins for Electron, whose binary cannot be downloaded here:
// - an Electron folder electron-builder packages from (`electronDist`): the files it copies,
//   renames and flips fuses in, with an `electron` executable that is a small script carrying
//   Electron 45's fuse wire exactly where @electron/fuses looks for it;
// - an `electron` module for running the packaged main under plain Node, recording what the app
//   asks of Electron, so a test can tell whether it went for a window or the lock.
import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createPackage } from '@electron/asar';
import { FuseV1Options } from '@electron/fuses';
// The wire's states are not re-exported from the package's index.
import { FuseState } from '@electron/fuses/dist/constants.js';

/** Where @electron/fuses finds the wire: right after this marker, a version byte and a length byte. */
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

/**
 * The fuses as Electron 45 ships them (its build/fuses/fuses.json5), in wire order. The last,
 * wasm_trap_handlers, is newer than @electron/fuses' names: it must come through untouched.
 */
export const STOCK_FUSES: readonly FuseState[] = [
  FuseState.ENABLE, // RunAsNode
  FuseState.DISABLE, // EnableCookieEncryption
  FuseState.ENABLE, // EnableNodeOptionsEnvironmentVariable
  FuseState.ENABLE, // EnableNodeCliInspectArguments
  FuseState.DISABLE, // EnableEmbeddedAsarIntegrityValidation
  FuseState.DISABLE, // OnlyLoadAppFromAsar
  FuseState.DISABLE, // LoadBrowserProcessSpecificV8Snapshot
  FuseState.ENABLE, // GrantFileProtocolExtraPrivileges
  FuseState.ENABLE, // wasm_trap_handlers
];
export const FUSE_NAMES = Object.keys(FuseV1Options).filter((key) => Number.isNaN(Number(key))) as Array<keyof typeof FuseV1Options>;

/**
 * Files of a Linux Electron folder that electron-builder treats specially: `electron` (renamed to
 * the app's executable, fuses flipped), LICENSE (renamed LICENSE.electron.txt), version and
 * resources/default_app.asar (dropped from a downloaded Electron), and some it copies as they are.
 */
export async function makeStandInElectronDist(dir: string, version: string): Promise<void> {
  await mkdir(join(dir, 'resources'), { recursive: true });
  await mkdir(join(dir, 'locales'), { recursive: true });
  const wire = Buffer.from([1, STOCK_FUSES.length, ...STOCK_FUSES]);
  const executable = Buffer.concat([
    Buffer.from('#!/bin/sh\necho "a stand-in for Electron, for packaging tests only" >&2\nexit 1\n# '),
    Buffer.from(FUSE_SENTINEL),
    wire,
    Buffer.from('\n'),
  ]);
  await writeFile(join(dir, 'electron'), executable, { mode: 0o755 });
  await writeFile(join(dir, 'chrome-sandbox'), 'stand-in\n', { mode: 0o755 });
  await writeFile(join(dir, 'LICENSE'), 'Copyright (c) Electron contributors (stand-in)\n');
  await writeFile(join(dir, 'LICENSES.chromium.html'), '<!doctype html><title>Chromium licenses (stand-in)</title>\n');
  await writeFile(join(dir, 'version'), `${version}\n`);
  await writeFile(join(dir, 'resources.pak'), 'stand-in\n');
  await writeFile(join(dir, 'locales', 'en-US.pak'), 'stand-in\n');
  // A real archive: electron-builder reads every asar in resources/ to record its integrity.
  const defaultApp = join(dir, 'default_app');
  await mkdir(defaultApp);
  await writeFile(join(defaultApp, 'package.json'), JSON.stringify({ name: 'electron', main: 'main.js' }));
  await writeFile(join(defaultApp, 'main.js'), '// stand-in\n');
  await createPackage(defaultApp, join(dir, 'resources', 'default_app.asar'));
  await rm(defaultApp, { recursive: true });
}

/** The names the built main imports from "electron" (the bundler keeps it external). */
function electronImports(mainDir: string): string[] {
  const names = new Set<string>();
  for (const entry of readdirSync(mainDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.js')) continue;
    const code = readFileSync(join(entry.parentPath, entry.name), 'utf8');
    for (const [, list = ''] of code.matchAll(/import\s*\{([^}]*)\}\s*from\s*["']electron["']/gu)) {
      for (const item of list.split(',')) {
        const [name] = item.trim().split(/\s+as\s+/u);
        if (name) names.add(name);
      }
    }
  }
  return [...names].sort();
}

const RECORDER = `import { appendFileSync } from 'node:fs';

// A packaged app's argv is [executable, ...arguments]; plain Node's has the script in between.
process.argv.splice(1, 1);
const record = (entry) => appendFileSync(process.env.STAND_IN_ELECTRON_LOG, entry + '\\n');

/** Any other part of Electron: every call and construction is recorded, nothing is done. */
function standIn(path) {
  return new Proxy(function () {}, {
    get: (_target, key) => (typeof key === 'symbol' || key === 'then' ? undefined : standIn(path + '.' + key)),
    apply: (_target, _this, args) => {
      record(path + '(' + args.map((arg) => JSON.stringify(arg) ?? typeof arg).join(', ') + ')');
      return standIn(path + '()');
    },
    construct: () => {
      record('new ' + path + '()');
      return standIn('new ' + path + '()');
    },
  });
}

const appParts = {
  isPackaged: true,
  exit(code = 0) {
    record('app.exit(' + code + ')');
    process.exit(code);
  },
  // Reaching the lock means the app is starting: this stand-in goes no further.
  requestSingleInstanceLock() {
    record('app.requestSingleInstanceLock()');
    process.exit(0);
  },
};
export const app = new Proxy(standIn('app'), {
  get: (target, key) => (Object.hasOwn(appParts, key) ? appParts[key] : target[key]),
});
`;

/**
 * Puts the recording `electron` module into node_modules of an extracted app, for every name the
 * built main imports. Each process appends what it asked of Electron, one line each, to the file
 * named by STAND_IN_ELECTRON_LOG.
 */
export async function installStandInElectronModule(appRoot: string): Promise<void> {
  const dir = join(appRoot, 'node_modules', 'electron');
  await mkdir(dir, { recursive: true });
  const exports = electronImports(join(appRoot, 'out', 'main'))
    .filter((name) => name !== 'app')
    .map((name) => `export const ${name} = standIn(${JSON.stringify(name)});`);
  await writeFile(join(dir, 'package.json'), JSON.stringify({ name: 'electron', type: 'module', main: 'index.js' }));
  await writeFile(join(dir, 'index.js'), `${RECORDER}${exports.join('\n')}\n`);
}
