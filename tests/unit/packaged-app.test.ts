// The unpacked Linux app, built by electron-builder with the project's electron-builder.yml (the
// folder the AppImage and the deb are made from) from a stand-in Electron, then checked as a
// person's machine would see it: what the app archive holds, the fuses in the executable, the
// desktop entries and icons each Linux target installs, and the `margin` command run from the
// packaged files.
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { extractAll, listPackage } from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { FuseState } from '@electron/fuses/dist/constants.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installedPackages, productionDependencies } from './support/dependency-tree';
import { commandExists } from './support/node-script';
import { buildUnpackedApp, offlineEnv, type PackagedBuild } from './support/package-dir';
import { repoRoot } from './support/paths';
import { FUSE_NAMES, STOCK_FUSES, installStandInElectronModule, makeStandInElectronDist } from './support/stand-in-electron';

const run = promisify(execFile);
const packageJson = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string; main: string; desktopName?: string; devDependencies: Record<string, string> };
const electronVersion = (JSON.parse(readFileSync(join(repoRoot, 'node_modules/electron/package.json'), 'utf8')) as { version: string }).version;
const HICOLOR_SIZES = [16, 24, 32, 48, 64, 128, 256, 512];

let scratch: string;
let built: PackagedBuild;
let asarPath: string;
let files: string[];
/** The app archive unpacked, as the packaged app reads it. */
let extracted: string;

beforeAll(async () => {
  if (!existsSync(join(repoRoot, 'out/main/index.js'))) throw new Error('The app is not built: run `npm run build` first.');
  scratch = await mkdtemp(join(tmpdir(), 'margin-packaged-'));
  const electronDist = join(scratch, 'electron');
  await makeStandInElectronDist(electronDist, electronVersion);
  built = await buildUnpackedApp(electronDist, join(scratch, 'dist'), scratch);
  asarPath = join(built.appDir, 'resources', 'app.asar');
  files = listPackage(asarPath, { isPack: false }).map((file) => file.replace(/\\/gu, '/'));
  extracted = join(scratch, 'extracted');
  extractAll(asarPath, extracted);
  console.log(`electron-builder --linux --dir took ${built.seconds.toFixed(1)} s; app.asar is ${(statSync(asarPath).size / 1e6).toFixed(1)} MB (${files.length} entries).`);
}, 300_000);

afterAll(async () => {
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

describe('the build', () => {
  it('ran offline: where it runs, the first attempt to reach the network ends the process at once', async () => {
    const attempt = run(process.execPath, ['--input-type=module', '-e', 'await fetch("https://github.com/electron/electron/releases")'], { env: offlineEnv(scratch) });
    await expect(attempt).rejects.toMatchObject({ code: 97, stderr: expect.stringContaining('refused network access: connect to github.com:443') });
  });
});

describe('the app archive (resources/app.asar)', () => {
  it('holds the built main, preload and renderer, the CLI and the sample article, all of the build', () => {
    for (const path of ['/package.json', '/out/main/index.js', '/out/main/cli.js', '/out/main/export-worker.js', '/out/preload/index.cjs', '/out/renderer/index.html', '/assets/sample/ukraine-advance.txt']) {
      expect(files, path).toContain(path);
    }
    const builtFiles = builtOutput();
    expect(builtFiles.length).toBeGreaterThan(3);
    expect(files.filter((file) => file.startsWith('/out/') && isFile(file)).sort()).toEqual(builtFiles);
  });

  it('has no source maps, tests or TypeScript sources, of the app or of its dependencies', () => {
    const unwanted = files.filter((file) => /\.map$|\.(test|spec)\.[cm]?[jt]sx?$|\/(tests?|__tests__|tests-integration)(\/|$)|\.[cm]?tsx?$/u.test(file));
    expect(unwanted).toEqual([]);
    expect(files.filter((file) => /^\/(electron|renderer|tests|scripts|build|docs|bin)\//u.test(file))).toEqual([]);
  });

  it('its node_modules hold exactly the production dependencies, resolving to the versions the project uses', () => {
    const project = productionDependencies(repoRoot);
    const packaged = productionDependencies(extracted);
    expect(project.missing).toEqual([]);
    expect(packaged.missing).toEqual([]);
    expect([...packaged.packages].sort()).toEqual([...project.packages].sort());
    expect([...packaged.edges].sort()).toEqual([...project.edges].sort());
    // Nothing else: no dev dependency, nothing left over.
    expect([...installedPackages(extracted)].sort()).toEqual([...packaged.folders].sort());
    for (const dev of Object.keys(packageJson.devDependencies)) expect(packaged.packages, dev).not.toContain(expect.stringMatching(new RegExp(`^${dev}@`, 'u')));
  });

  it('its package.json starts the built main and names the desktop entry Electron tells the desktop about', () => {
    const packed = JSON.parse(readFileSync(join(extracted, 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(packed.main).toBe('out/main/index.js');
    expect(files).toContain(`/${String(packed.main)}`);
    expect(packed.type).toBe('module');
    expect(packed.desktopName).toBe(packageJson.desktopName);
    expect(packed.devDependencies).toBeUndefined();
    expect(packed.scripts).toBeUndefined();
  });
});

describe('the packaged folder', () => {
  it("has the app's executable, Electron's licenses, and neither Electron's default app nor its version file", () => {
    expect(statSync(join(built.appDir, 'margin')).mode & 0o111).not.toBe(0);
    expect(existsSync(join(built.appDir, 'LICENSE.electron.txt'))).toBe(true);
    expect(existsSync(join(built.appDir, 'LICENSES.chromium.html'))).toBe(true);
    expect(existsSync(join(built.appDir, 'resources', 'default_app.asar'))).toBe(false);
    expect(existsSync(join(built.appDir, 'version'))).toBe(false);
  });

  it('the executable has Node, NODE_OPTIONS and --inspect off and loads only its archive; the other fuses stay as Electron ships them', async () => {
    const wire = await getCurrentFuseWire(join(built.appDir, 'margin'));
    // What SECURITY.md promises of the installed executable, read from the executable itself.
    const promised: Partial<Record<(typeof FUSE_NAMES)[number], FuseState>> = {
      RunAsNode: FuseState.DISABLE,
      EnableCookieEncryption: FuseState.ENABLE,
      EnableNodeOptionsEnvironmentVariable: FuseState.DISABLE,
      EnableNodeCliInspectArguments: FuseState.DISABLE,
      EnableEmbeddedAsarIntegrityValidation: FuseState.ENABLE,
      OnlyLoadAppFromAsar: FuseState.ENABLE,
      GrantFileProtocolExtraPrivileges: FuseState.DISABLE,
    };
    const expected = STOCK_FUSES.map((stock, index) => {
      const name = FuseV1Options[index] as (typeof FUSE_NAMES)[number] | undefined;
      return (name === undefined ? undefined : promised[name]) ?? stock;
    });
    // Each promise changes the stand-in's stock wire, so a build that flipped nothing fails here.
    for (const [name, state] of Object.entries(promised)) expect(STOCK_FUSES[FuseV1Options[name as (typeof FUSE_NAMES)[number]]], name).not.toBe(state);
    expect(STOCK_FUSES.map((_, index) => (wire as Record<number, number>)[index])).toEqual(expected);
  });
});

/** The built files under out/, as the asar names them. */
function builtOutput(): string[] {
  return listFiles(join(repoRoot, 'out')).filter((file) => !file.endsWith('.map')).map((file) => `/out/${file}`).sort();
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1));
}

function isFile(path: string): boolean {
  return statSync(join(extracted, path)).isFile();
}

/** The keys of a desktop entry's [Desktop Entry] group. */
function desktopEntry(text: string): Record<string, string> {
  const [, group = ''] = text.split(/^\[Desktop Entry\]$/mu);
  return Object.fromEntries(
    group
      .split(/^\[/mu)[0]!
      .split('\n')
      .filter((line) => /^[A-Za-z0-9-]+=/u.test(line))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
}

const TARGETS = [
  // The AppImage's AppDir: the entry at its top (appimaged and AppImageLauncher install it).
  { target: 'AppImage', entryDir: '', fieldCode: '%U' },
  { target: 'deb', entryDir: 'usr/share/applications/', fieldCode: '%F' },
] as const;

it('the build makes what a Linux release ships: an AppImage and a deb, each with its desktop files', () => {
  expect(readdirSync(built.integrationDir).sort()).toEqual(TARGETS.map(({ target }) => target).sort());
});

describe.each(TARGETS)("the $target's desktop entry and icons", ({ target, entryDir, fieldCode }) => {
  const entryPath = () => join(built.integrationDir, target, `${entryDir}${String(packageJson.desktopName)}`);

  it('the entry is named by desktopName, so the running window groups with its launcher', async () => {
    expect(packageJson.desktopName).toMatch(/^[A-Za-z0-9.-]+\.desktop$/u);
    const entry = desktopEntry(await readFile(entryPath(), 'utf8'));
    expect(entry.StartupWMClass).toBe(String(packageJson.desktopName).replace(/\.desktop$/u, ''));
    expect(entry.Name).toBe('Margin');
    expect(entry.Type).toBe('Application');
    expect(entry.Categories).toBe('Office;');
    expect(entry.MimeType?.split(';')).toEqual(expect.arrayContaining(['text/html', 'text/markdown', 'text/plain']));
  });

  it(`opens files with ${fieldCode}, one field code, and keeps Chromium's sandbox on`, async () => {
    const exec = desktopEntry(await readFile(entryPath(), 'utf8')).Exec ?? '';
    expect(exec.match(/%[a-zA-Z]/gu)).toEqual([fieldCode]);
    expect(exec.endsWith(` ${fieldCode}`)).toBe(true);
    expect(exec).not.toMatch(/--no-sandbox/u);
  });

  it.skipIf(!commandExists('desktop-file-validate'))('desktop-file-validate accepts the entry', async () => {
    const { stdout, stderr } = await run('desktop-file-validate', [entryPath()]).catch((error: { stdout: string; stderr: string }) => {
      throw new Error(`desktop-file-validate refused ${target}'s entry:\n${error.stdout}${error.stderr}`);
    });
    expect(`${stdout}${stderr}`.split('\n').filter((line) => /error/iu.test(line))).toEqual([]);
  });

  it('installs the icon the entry names at every hicolor size, each PNG the size its folder says', async () => {
    const icon = desktopEntry(await readFile(entryPath(), 'utf8')).Icon;
    expect(icon).toBe('margin');
    for (const size of HICOLOR_SIZES) {
      const png = await readFile(join(built.integrationDir, target, `usr/share/icons/hicolor/${size}x${size}/apps/${icon}.png`));
      expect(png.subarray(1, 4).toString('latin1'), `${size}`).toBe('PNG');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)], `${size}`).toEqual([size, size]);
    }
  });
});

describe("the deb's install script", () => {
  it('puts margin on PATH: /usr/bin/margin is the installed executable, which runs the CLI when given a command', async () => {
    const postinst = await readFile(join(built.integrationDir, 'deb', 'DEBIAN', 'postinst'), 'utf8');
    expect(postinst).toContain("ln -sf '/opt/Margin/margin' '/usr/bin/margin'");
    expect(postinst).toContain("update-alternatives --install '/usr/bin/margin' 'margin' '/opt/Margin/margin'");
    // The deb installs the packaged folder at /opt/Margin.
    expect(existsSync(join(built.appDir, 'margin'))).toBe(true);
  });
});

if (!commandExists('desktop-file-validate')) {
  console.log('skipped: desktop-file-validate is not installed (Debian: apt-get install desktop-file-utils); the desktop entries were not validated.');
}

// Each run loads the packaged main and its dependencies afresh: seconds on a busy machine.
describe('margin run from the packaged files', { timeout: 120_000 }, () => {
  let runs = 0;
  /**
   * The packaged main under plain Node (the fuses keep the real app from running as Node), with
   * the recording stand-in for Electron: what it printed, and what it asked of Electron.
   */
  const margin = async (...args: string[]) => {
    runs += 1;
    const log = join(scratch, `electron-calls-${runs}.log`);
    const result = await run(process.execPath, [join(extracted, 'out/main/index.js'), ...args], {
      env: { PATH: process.env.PATH, HOME: join(scratch, 'home'), STAND_IN_ELECTRON_LOG: log },
    }).catch((error: { code: number; stdout: string; stderr: string }) => error);
    const calls = existsSync(log) ? (await readFile(log, 'utf8')).trim().split('\n') : [];
    return { stdout: result.stdout, stderr: result.stderr, calls };
  };

  beforeAll(async () => {
    await installStandInElectronModule(extracted);
  });

  it('imports the sample and lists it, without asking Electron for a window or the lock', async () => {
    const dataDir = join(scratch, 'library');
    const imported = await margin('import', join(extracted, 'assets/sample/ukraine-advance.txt'), '--data-dir', dataDir);
    expect(imported.stderr).toBe('');
    expect(imported.calls).toEqual(['app.exit(0)']);
    const listed = await margin('list', '--data-dir', dataDir);
    expect(listed.stdout).toMatch(/Ukrain/u);
    expect(listed.calls).toEqual(['app.exit(0)']);
  });

  it('--help prints the usage and exits', async () => {
    const help = await margin('--help');
    expect(help.stdout).toMatch(/^Usage: margin/u);
    expect(help.calls).toEqual(['app.exit(0)']);
  });

  it('a command that fails exits with 1 and one sentence', async () => {
    const failed = await margin('show', 'not-an-id', '--json', '--data-dir', join(scratch, 'empty'));
    expect(failed.calls).toEqual(['app.exit(1)']);
    expect(failed.stderr.trim().split('\n')).toHaveLength(1);
  });

  it.concurrent.for([
    { how: 'alone', args: [] },
    { how: 'with a file', args: ['/home/ana/notes.html'] },
    { how: 'with a file:// address', args: ['file:///home/ana/My%20Notes/a.html'] },
  ])('margin $how starts the app: it goes for the single-instance lock', async ({ args }, { expect }) => {
    const started = await margin(...args);
    expect(started.calls).toContain('app.requestSingleInstanceLock()');
    expect(started.calls.filter((call) => call.startsWith('app.exit'))).toEqual([]);
  });
});
