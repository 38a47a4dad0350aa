// Electron's userData as Margin 0.1 left it: the library at the top (library.json, articles/,
// assets/, backups/...) among Chromium's own files, including the Singleton links a running
// Chromium keeps there.
import { mkdir, readFile, readdir, readlink, symlink, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { expect } from 'vitest';
import { storeAsset } from '../../../electron/core/assets/asset-store';
import { importFile, importPlainText } from '../../../electron/core/import/import-file';
import { Library } from '../../../electron/core/library/library';
import { LibrarySearch } from '../../../electron/core/search/library-search';
import type { Annotation } from '../../../electron/shared/model';
import { highlightPhrase } from './highlight';
import { samplePath } from './paths';
import { tempDir } from './temp-dir';

export const CHROMIUM_ENTRIES = ['SingletonLock', 'SingletonCookie', 'SingletonSocket', 'Cache', 'Local Storage', 'Preferences'];

export interface OldUserData {
  userData: string;
  /** Each article's id with its highlights, as the library held them before anything moved. */
  articles: Map<string, Annotation[]>;
}

async function addChromiumFiles(userData: string): Promise<void> {
  await symlink('margin-host-4242', join(userData, 'SingletonLock'));
  await symlink('8431962520415386912', join(userData, 'SingletonCookie'));
  await symlink('/tmp/.org.chromium.Chromium.aBcDeF/SingletonSocket', join(userData, 'SingletonSocket'));
  await mkdir(join(userData, 'Cache', 'Cache_Data'), { recursive: true });
  await writeFile(join(userData, 'Cache', 'Cache_Data', 'data_0'), Buffer.from([0, 1, 2, 3, 250]));
  await mkdir(join(userData, 'Local Storage', 'leveldb'), { recursive: true });
  await writeFile(join(userData, 'Local Storage', 'leveldb', '000003.log'), 'margin.reading-settings {"theme":"dark"}');
  await writeFile(join(userData, 'Preferences'), '{"spellcheck":{"dictionaries":["en-US"]}}');
}

export async function oldUserData(): Promise<OldUserData> {
  const userData = await tempDir('margin-userdata-');
  const library = await Library.open(userData);
  const sample = await library.addArticle(await importFile(samplePath));
  await highlightPhrase(library, sample.id, 'Kharkiv', 'Liberated in 2022');
  await highlightPhrase(library, sample.id, 'Kupyansk');
  const ferry = await library.addArticle(importPlainText('Harbour news\n\nThe ferry to the island leaves at nine every morning.', 'harbour.txt'));
  await highlightPhrase(library, ferry.id, 'ferry to the island');
  await library.setColorLabel('green', 'key point');
  // What a library that has lived a while also holds: a stored image, the search index and its text.
  await storeAsset(userData, new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]), 'png');
  expect(await (await LibrarySearch.open(library)).search('ferry')).toHaveLength(1);
  // Damaged files the store once set aside: they may still hold what the person wrote.
  await writeFile(join(userData, 'library.json.damaged-2026-03-01T10-00-00-000Z'), '{"schemaVersion": 1, "artic');
  await writeFile(join(userData, 'articles', ferry.id, 'annotations.json.damaged-2026-03-01T10-00-00-000Z'), '{"annotations": [');
  const articles = new Map<string, Annotation[]>();
  for (const meta of library.articles()) articles.set(meta.id, await library.annotations(meta.id));
  await addChromiumFiles(userData);
  return { userData, articles };
}

/** Chromium's entries as they are on disk: each link's target, each file's bytes. */
export async function chromiumState(userData: string): Promise<Record<string, string>> {
  const state: Record<string, string> = {};
  for (const name of CHROMIUM_ENTRIES) {
    const path = join(userData, name);
    if (name.startsWith('Singleton')) {
      state[name] = `link -> ${await readlink(path)}`;
      continue;
    }
    const entries = (await readdir(path, { recursive: true, withFileTypes: true }).catch(() => null)) ?? [];
    if (entries.length === 0) state[name] = await readFile(path, 'latin1');
    for (const entry of entries) {
      if (entry.isFile()) state[relative(userData, join(entry.parentPath, entry.name))] = await readFile(join(entry.parentPath, entry.name), 'latin1');
    }
  }
  return state;
}
