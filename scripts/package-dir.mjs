// Builds Margin's unpacked Linux app, the folder the AppImage and the deb are made from, with
// electron-builder and the project's electron-builder.yml, from an Electron folder on this machine
// instead of one downloaded: `npm run dist:dir -- [--electron-dist DIR] [--out DIR]`.
// DIR defaults to node_modules/electron/dist (where Electron's install puts its binary); --out to
// dist/. The app lands in OUT/linux-unpacked/. A --dir build writes no desktop entry and installs
// no icon, so beside it OUT/linux-integration/<target>/ holds what each Linux target would
// install, computed by that target's own electron-builder code: the AppImage's AppDir files and
// the deb's /usr/share files (its .desktop entry and hicolor icons) and install script.
import { existsSync } from 'node:fs';
import { copyFile, mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, extname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
// electron-builder first: app-builder-lib's modules require each other in a cycle that only
// resolves when its index is loaded before them.
import { Platform, archFromString, build } from 'electron-builder';
import linuxTargetHelper from 'app-builder-lib/out/targets/LinuxTargetHelper.js';
import appImageTarget from 'app-builder-lib/out/targets/appimage/AppImageTarget.js';
import fpmTarget from 'app-builder-lib/out/targets/FpmTarget.js';

const { LinuxTargetHelper } = linuxTargetHelper;
const AppImageTarget = appImageTarget.default;
const FpmTarget = fpmTarget.default;

const projectDir = resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: { 'electron-dist': { type: 'string' }, out: { type: 'string' } },
  strict: true,
});
const electronDist = resolve(values['electron-dist'] ?? join(projectDir, 'node_modules/electron/dist'));
const outDir = resolve(values.out ?? join(projectDir, 'dist'));

if (!existsSync(join(electronDist, 'electron'))) {
  console.error(`No Electron executable in ${electronDist}; pass --electron-dist DIR (a folder holding Electron's "electron" binary).`);
  process.exit(1);
}
if (!existsSync(join(projectDir, 'out/main/index.js'))) {
  console.error('The app is not built; run `npm run build` first.');
  process.exit(1);
}

/** Writes a file at a path a Linux target installs, under root. */
async function place(root, path, write) {
  const target = join(root, path);
  await mkdir(dirname(target), { recursive: true });
  await write(target);
}

/** What the AppImage and the deb would install for the desktop, from electron-builder's targets. */
async function writeLinuxIntegration(context) {
  const { packager } = context;
  const helper = new LinuxTargetHelper(packager);
  const desktopFile = `${helper.getDesktopFileName()}.desktop`;
  const icons = await helper.icons;
  const root = join(outDir, 'linux-integration');
  await rm(root, { recursive: true, force: true });
  const appImage = new AppImageTarget('appImage', packager, helper, outDir);
  const deb = new FpmTarget('deb', packager, helper, outDir);
  // Only the targets electron-builder.yml asks for, so the checks read what a release would ship.
  const configured = new Set([packager.config.linux?.target ?? []].flat().map((t) => (typeof t === 'string' ? t : t.target)));
  const targets = [
    // The AppImage's AppDir: its entry at the top, icons under usr/share.
    { name: 'AppImage', entry: async () => appImage.desktopEntry.value, entryPath: desktopFile },
    { name: 'deb', entry: async () => helper.computeDesktopEntry(deb.options), entryPath: `usr/share/applications/${desktopFile}` },
  ].filter((target) => configured.has(target.name));
  if (configured.has('deb')) {
    // The deb's install script, which puts `margin` on PATH (/usr/bin/margin).
    const { afterInstall } = await deb.scriptFiles;
    await place(join(root, 'deb'), 'DEBIAN/postinst', (path) => copyFile(afterInstall, path));
  }
  for (const target of targets) {
    const targetRoot = join(root, target.name);
    const entry = await target.entry();
    await place(targetRoot, target.entryPath, (path) => writeFile(path, entry));
    for (const icon of icons) {
      const ext = extname(icon.file);
      const sizeDir = ext === '.svg' ? 'scalable' : `${icon.size}x${icon.size}`;
      await place(targetRoot, `usr/share/icons/hicolor/${sizeDir}/apps/${packager.executableName}${ext}`, (path) => copyFile(icon.file, path));
    }
  }
}

/**
 * What electron-builder removes from an Electron it downloaded but keeps from a local folder:
 * Electron's own default app and its version file are no part of Margin's installers.
 */
async function removeElectronLeftovers(context) {
  await rm(join(context.appOutDir, 'resources', 'default_app.asar'), { force: true });
  await rm(join(context.appOutDir, 'version'), { force: true });
}

const started = performance.now();
await build({
  projectDir,
  targets: Platform.LINUX.createTarget('dir', archFromString(process.arch)),
  config: {
    electronDist,
    directories: { output: outDir },
    afterPack: async (context) => {
      await removeElectronLeftovers(context);
      await writeLinuxIntegration(context);
    },
  },
});
console.log(`Built ${join(outDir, 'linux-unpacked')} in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
