// A long export from the Export dialog: the progress bar once it has run a second, and Cancel,
// which leaves the file the person already had at that path as it was, and no temp file beside it.
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test as base } from '@playwright/test';
import { inThreadRunner } from '../../electron/core/export/export-runner';
import { importPlainText } from '../../electron/core/import/import-file';
import type { Library } from '../../electron/core/library/library';
import { nodeDurableFs, type DurableFs } from '../../electron/core/library/durable-write';
import { describeSpan } from '../../electron/shared/anchoring';
import { startReader, type Reader } from './support/harness';
import { expect } from './support/fixtures';

/** A disk whose first write waits until `release` is called: an export that takes a while. */
function slowDisk(): { fs: DurableFs; release: () => void } {
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const fs: DurableFs = {
    ...nodeDurableFs,
    async open(path, flags, mode) {
      const real = await nodeDurableFs.open(path, flags, mode);
      return {
        async write(buffer, offset, length, position) {
          await gate;
          return real.write(buffer, offset, length, position);
        },
        chmod: (m) => real.chmod(m),
        sync: () => real.sync(),
        stat: () => real.stat(),
        close: () => real.close(),
      };
    },
  };
  return { fs, release };
}

/** Fifteen articles of eight highlights each, beside the sample. */
async function largeLibrary(library: Library): Promise<void> {
  for (let a = 0; a < 15; a++) {
    const sentences = Array.from({ length: 8 }, (_, s) => `Sentence ${s} of article ${a}, about the harbour and its boats.`);
    const meta = await library.addArticle(importPlainText(`Harbour ${a}\n\n${sentences.join('\n\n')}`, `harbour-${a}.txt`));
    const { text } = await library.content(meta.id);
    for (const sentence of sentences) {
      const at = text.indexOf(sentence);
      await library.addAnnotation(meta.id, { color: 'yellow', note: '', tags: [], target: describeSpan(text, at, at + sentence.length) });
    }
  }
}

const test = base.extend<{ disk: ReturnType<typeof slowDisk>; reader: Reader }>({
  disk: async ({}, use) => use(slowDisk()),
  reader: async ({ page, disk }, use) => {
    const reader = await startReader(page, largeLibrary, { exportRunner: inThreadRunner(disk.fs) });
    await use(reader);
    await reader.close();
  },
});

test('a long export shows its progress and Cancel leaves the file already at the path untouched', async ({ reader, disk, page }) => {
  const savePath = join(reader.homeDir, 'margin-annotations.jsonld');
  await writeFile(savePath, 'the export from last week\n');
  reader.savePath = savePath;
  await reader.open();

  await reader.menu('export-library');
  const dialog = page.getByRole('dialog', { name: 'Export notes' });
  await dialog.getByLabel('Format').selectOption('jsonld');
  await expect(dialog.getByLabel('Preview')).toContainText('"AnnotationCollection"');
  await dialog.getByRole('button', { name: 'Save…' }).click();

  const bar = dialog.getByRole('progressbar', { name: 'Export progress' });
  await expect(bar).toBeVisible();
  await expect(dialog).toContainText('Exporting: 0 of 16 articles written.');

  const cancel = reader.holdNextAnswer('export:cancel');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await cancel.ran;
  // The disk takes the write it was given; the export then stops at the cancel.
  disk.release();
  await cancel.release();
  await expect(page.locator('.status')).toHaveText('Export cancelled; nothing was written.');
  await expect(dialog).toBeHidden();
  expect(await readFile(savePath, 'utf8')).toBe('the export from last week\n');
  expect(await readdir(reader.homeDir)).toEqual(['margin-annotations.jsonld']);
});
