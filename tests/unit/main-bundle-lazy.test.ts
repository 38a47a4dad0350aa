// The built main process (electron-vite's out/main) must keep the importers' packages behind a
// dynamic import: a static import anywhere in what index.js loads at start would put jsdom,
// DOMPurify and Readability back into every main process.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './support/paths';

const IMPORT_ONLY = ['jsdom', 'dompurify', '@mozilla/readability'];

/** Packages the bundle's entry loads through static imports, its own chunks followed. */
function staticPackages(entry: string): { files: Set<string>; packages: Set<string>; dynamic: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const dynamic = new Set<string>();
  const visit = (file: string): void => {
    if (files.has(file)) return;
    files.add(file);
    const source = readFileSync(file, 'utf8');
    for (const match of source.matchAll(/^(?:import|export)\s[^;]*?from\s*["']([^"']+)["']|^import\s*["']([^"']+)["']/gmu)) {
      const specifier = (match[1] ?? match[2]) as string;
      if (specifier.startsWith('.')) visit(resolve(dirname(file), specifier));
      else packages.add(specifier);
    }
    for (const match of source.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/gu)) dynamic.add(match[1] as string);
  };
  visit(entry);
  return { files, packages, dynamic };
}

describe('the built main process', () => {
  it('loads jsdom, DOMPurify and Readability only behind a dynamic import', () => {
    const entry = join(repoRoot, 'out/main/index.js');
    if (!existsSync(entry)) throw new Error('The app is not built: run `npm run build` first.');
    const { files, packages, dynamic } = staticPackages(entry);
    expect(files.size).toBeGreaterThan(1);
    expect(packages.has('electron')).toBe(true);
    for (const name of IMPORT_ONLY) expect([...packages], name).not.toContain(name);
    // The importer is still reachable, just not at start.
    expect([...dynamic].some((specifier) => /import-file/u.test(specifier))).toBe(true);
  });
});
