// Spell checking never downloads while the person reads unless they chose it: macOS and Windows
// use the system's checker; Linux, where it downloads a dictionary, keeps it off until turned on.
import { readFile, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { createHandlers, type Platform } from '../../electron/core/handlers';
import { libraryFile } from '../../electron/core/library/files';
import { Library } from '../../electron/core/library/library';
import { serveAppRequest } from '../../electron/core/protocol/app-files';
import { NO_DICTIONARIES_URL, spellcheckPlan } from '../../electron/core/security/spellcheck-plan';
import type { LibrarySettings } from '../../electron/shared/contract';
import type { Result } from '../../electron/shared/result';
import { tempDir } from './support/temp-dir';

const dialogs: Platform = { chooseSavePath: async () => null, chooseImportFiles: async () => [], chooseFolder: async () => null, chooseOpenFile: async () => null };

function value<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`expected ok, got: ${result.error}`);
  return result.value as T;
}

describe('the spell checking plan', () => {
  it('on macOS and Windows checks spelling with the system checker and lets nothing be downloaded', () => {
    for (const os of ['darwin', 'win32'] as const) {
      for (const chosen of [false, true]) expect(spellcheckPlan(os, chosen)).toEqual({ enabled: true, dictionaryUrl: NO_DICTIONARIES_URL, choosable: false });
    }
  });

  it('on Linux is off, with downloads pointed nowhere, until the person turns it on', () => {
    expect(spellcheckPlan('linux', false)).toEqual({ enabled: false, dictionaryUrl: NO_DICTIONARIES_URL, choosable: true });
    expect(spellcheckPlan('linux', true)).toEqual({ enabled: true, dictionaryUrl: null, choosable: true });
    expect(spellcheckPlan('freebsd', false).enabled).toBe(false);
  });

  it('points dictionary downloads at an address on the app itself that answers "not found"', async () => {
    expect(NO_DICTIONARIES_URL.startsWith('margin://app/')).toBe(true);
    const answer = await serveAppRequest({ rendererDir: await tempDir(), dataDir: await tempDir() }, `${NO_DICTIONARIES_URL}en-US-10-1.bdic`);
    expect(answer.status).toBe(404);
  });
});

describe('the spell checking setting', () => {
  it('on Linux the settings answer offers the choice, off; turning it on is kept in the library', async () => {
    const dataDir = await tempDir();
    const handlers = createHandlers(await Library.open(dataDir), dialogs, { os: 'linux' });
    expect(value<LibrarySettings>(await handlers['library:settings']({})).spellcheck).toEqual({ on: false, choosable: true });
    expect(value<LibrarySettings>(await handlers['library:set-spellcheck']({ on: true })).spellcheck).toEqual({ on: true, choosable: true });
    const reopened = createHandlers(await Library.open(dataDir), dialogs, { os: 'linux' });
    expect(value<LibrarySettings>(await reopened['library:settings']({})).spellcheck).toEqual({ on: true, choosable: true });
  });

  it('on macOS and Windows there is nothing to choose: spell checking is on', async () => {
    const library = await Library.open(await tempDir());
    for (const os of ['darwin', 'win32'] as const) {
      expect(value<LibrarySettings>(await createHandlers(library, dialogs, { os })['library:settings']({})).spellcheck).toEqual({ on: true, choosable: false });
    }
  });

  it('a library written by Margin 0.1 (no spell checking setting) opens with it off', async () => {
    const dataDir = await tempDir();
    await writeFile(libraryFile(dataDir), JSON.stringify({ schemaVersion: 1, articles: [], settings: { sampleAdded: true, colorLabels: { green: 'key point' } } }));
    const library = await Library.open(dataDir);
    expect(library.settings.spellcheck).toBe(false);
    expect(library.colorLabels).toEqual({ green: 'key point' });
    await library.setSpellcheck(true);
    expect(JSON.parse(await readFile(libraryFile(dataDir), 'utf8')).settings).toEqual({ sampleAdded: true, colorLabels: { green: 'key point' }, spellcheck: true });
  });

  it('refuses a setting that is not on or off', async () => {
    const handlers = createHandlers(await Library.open(await tempDir()), dialogs, { os: 'linux' });
    expect((await handlers['library:set-spellcheck']({ on: 'yes' })).ok).toBe(false);
    expect((await handlers['library:set-spellcheck']({ on: true, url: 'x' })).ok).toBe(false);
  });
});
