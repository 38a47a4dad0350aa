// What the Linux build cannot show (tests/unit/packaged-app.test.ts builds the unpacked Linux app
// and checks its archive, fuses, desktop entries and icons): that the configuration electron-builder
// reads is valid for every platform, and that the Windows and macOS installers have what they
// need: targets, file associations, icons and entitlements, read by electron-builder's own code.
import Ajv from 'ajv';
// The package's index first: its modules require each other in a cycle that only resolves from there.
import 'app-builder-lib';
import type { Configuration, FileAssociation, TargetConfiguration } from 'app-builder-lib';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { convertIcon, type IconFormat } from 'app-builder-lib/out/util/iconConverter.js';
import { DebugLogger } from 'builder-util';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { repoRoot } from './support/paths';

const packageJson = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as Record<string, unknown>;
const buildDir = join(repoRoot, 'build');

let config: Configuration;
let scratch: string;

beforeAll(async () => {
  // Exactly how `electron-builder` finds and merges it (package.json first, then the files).
  config = await getConfig(repoRoot, null, null);
  scratch = await mkdtemp(join(tmpdir(), 'margin-packaging-'));
  // Any icon electron-builder would have to convert would fetch its converter from the network:
  // point that at nothing so such a case fails at once instead.
  vi.stubEnv('ELECTRON_BUILDER_ICONS_TOOLSET_DIR', join(scratch, 'no-icons-toolset'));
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await rm(scratch, { recursive: true, force: true });
});

describe('the electron-builder configuration', () => {
  it('is the file electron-builder reads: package.json has no "build" key to shadow it', () => {
    expect(packageJson.build).toBeUndefined();
    expect(existsSync(join(repoRoot, 'electron-builder.yml'))).toBe(true);
    expect(config.appId).toBe('app.margin.reader');
    expect(config.productName).toBe('Margin');
    expect(packageJson.productName).toBe(config.productName);
  });

  it("validates against electron-builder's JSON schema, without type coercion", () => {
    const schema = JSON.parse(readFileSync(join(repoRoot, 'node_modules/app-builder-lib/scheme.json'), 'utf8')) as object;
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    const valid = validate(structuredClone(config));
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('passes the validation electron-builder runs before packaging', async () => {
    await expect(validateConfiguration(structuredClone(config), new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('puts build resources in build/ and installers in dist/ (ignored by git and lint)', () => {
    expect(config.directories?.buildResources).toBe('build');
    expect(config.directories?.output).toBe('dist');
    expect(readFileSync(join(repoRoot, '.gitignore'), 'utf8')).toMatch(/^dist\/$/mu);
  });
});

describe('build/README.md', () => {
  it("writes down the fuses' trade-off for the Playwright _electron tests", () => {
    const readme = readFileSync(join(buildDir, 'README.md'), 'utf8');
    expect(readme).toMatch(/enableNodeCliInspectArguments/u);
    expect(readme).toMatch(/electron \./u);
  });
});

describe('installers', () => {
  const targets = (platform: 'linux' | 'win' | 'mac'): Map<string, string[]> => {
    const list = [config[platform]?.target ?? []].flat() as Array<string | TargetConfiguration>;
    return new Map(list.map((t) => (typeof t === 'string' ? [t, ['x64']] : [t.target, [t.arch ?? 'x64'].flat().map(String)])));
  };

  it('builds an NSIS installer for Windows that can install without admin rights and keeps the library on uninstall', () => {
    expect([...targets('win').keys()]).toEqual(['nsis']);
    expect(config.nsis?.perMachine).toBe(false);
    expect(config.nsis?.deleteAppDataOnUninstall).toBe(false);
  });

  it('builds a dmg for macOS on Intel and Apple silicon, in the Productivity category', () => {
    expect(targets('mac')).toEqual(new Map([['dmg', ['x64', 'arm64']]]));
    expect(config.mac?.category).toBe('public.app-category.productivity');
  });

  it('has what the deb needs from package.json: a homepage and an author with an e-mail', () => {
    const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
    expect(pkg.homepage).toMatch(/^https:\/\//u);
    expect(pkg.author.email).toMatch(/^[^@\s]+@[^@\s]+$/u);
  });
});

describe('"Open with Margin" for .html, .htm, .md and .txt', () => {
  const associations = (): FileAssociation[] => [config.fileAssociations ?? []].flat();

  it('registers every extension once, as a viewer (macOS, Windows)', () => {
    const extensions = associations().flatMap((a) => [a.ext].flat());
    expect(extensions.sort()).toEqual(['htm', 'html', 'md', 'txt']);
    for (const association of associations()) {
      expect(association.role).toBe('Viewer');
      // Offered, not taken over from the browser or editor a person already uses.
      expect(association.rank).toBe('Alternate');
      // Windows uses the name as a ProgID: no spaces, and Margin's own.
      expect(association.name).toMatch(/^Margin\.[A-Za-z]+$/u);
      expect(association.mimeType).toBeUndefined();
    }
  });
});

describe('icons', () => {
  const resolved = async (format: IconFormat, source: string | null | undefined) => {
    expect(source, `${format} icon`).toBeTruthy();
    return convertIcon({ sources: [source!], fallbackSources: [], roots: [buildDir, repoRoot], format, outDir: join(scratch, format) });
  };

  it('has the source drawings the generator reads', () => {
    for (const name of ['icon.svg', 'icon-small.svg', 'icon-24.svg']) {
      expect(readFileSync(join(buildDir, name), 'utf8'), name).toMatch(/^<svg [^>]*viewBox="0 0 (\d+) \1"/u);
    }
  });

  it('has a 1024 px build/icon.png', () => {
    expect(pngHeader(readFileSync(join(buildDir, 'icon.png')))).toEqual({ width: 1024, height: 1024, rgba: true });
  });

  it('gives Windows an ICO from 16 to 256 px, taken as it is', async () => {
    const { icons } = await resolved('ico', config.win?.icon);
    expect(icons).toEqual([{ file: join(buildDir, 'icon.ico'), size: 256 }]);
    const images = icoImages(readFileSync(icons[0]!.file));
    expect(images.map((image) => image.size)).toEqual([16, 24, 32, 48, 64, 128, 256]);
    for (const image of images) {
      expect(pngHeader(image.png)).toEqual({ width: image.size, height: image.size, rgba: true });
    }
  });

  it('gives macOS an ICNS from 16 to 1024 px, taken as it is', async () => {
    const { icons } = await resolved('icns', config.mac?.icon);
    expect(icons.map((icon) => icon.file)).toEqual([join(buildDir, 'icon.icns')]);
    const chunks = icnsChunks(readFileSync(icons[0]!.file));
    const expected: Record<string, number> = { icp4: 16, icp5: 32, icp6: 64, ic07: 128, ic08: 256, ic09: 512, ic10: 1024, ic11: 32, ic12: 64, ic13: 256, ic14: 512 };
    expect(Object.keys(chunks).sort()).toEqual(Object.keys(expected).sort());
    for (const [type, size] of Object.entries(expected)) {
      expect(pngHeader(chunks[type]!), type).toEqual({ width: size, height: size, rgba: true });
    }
  });

  it('signs the macOS app with JIT as its only hardened-runtime exception', () => {
    for (const path of [config.mac?.entitlements, config.mac?.entitlementsInherit]) {
      expect(path).toBe('build/entitlements.mac.plist');
      const plist = readFileSync(join(repoRoot, path!), 'utf8');
      expect([...plist.matchAll(/<key>([^<]+)<\/key>/gu)].map((m) => m[1])).toEqual(['com.apple.security.cs.allow-jit']);
    }
  });
});

/** Width, height and whether it has an alpha channel, from a PNG's IHDR chunk. */
function pngHeader(png: Buffer): { width: number; height: number; rgba: boolean } {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(png.toString('latin1', 12, 16)).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20), rgba: png[25] === 6 };
}

/** The images of an ICO file: its directory's size (0 meaning 256) and the PNG each entry points at. */
function icoImages(ico: Buffer): Array<{ size: number; png: Buffer }> {
  expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]);
  return Array.from({ length: ico.readUInt16LE(4) }, (_, i) => {
    const entry = 6 + 16 * i;
    const [width, height] = [ico[entry] || 256, ico[entry + 1] || 256];
    expect(height).toBe(width);
    const length = ico.readUInt32LE(entry + 8);
    const offset = ico.readUInt32LE(entry + 12);
    expect(offset + length).toBeLessThanOrEqual(ico.length);
    return { size: width, png: ico.subarray(offset, offset + length) };
  });
}

/** The chunks of an ICNS file by type; the lengths must add up to the file. */
function icnsChunks(icns: Buffer): Record<string, Buffer> {
  expect(icns.toString('latin1', 0, 4)).toBe('icns');
  expect(icns.readUInt32BE(4)).toBe(icns.length);
  const chunks: Record<string, Buffer> = {};
  for (let at = 8; at < icns.length; ) {
    const length = icns.readUInt32BE(at + 4);
    expect(length).toBeGreaterThan(8);
    chunks[icns.toString('latin1', at, at + 4)] = icns.subarray(at + 8, at + length);
    at += length;
  }
  return chunks;
}
