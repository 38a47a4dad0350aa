// A damaged highlights file is put back from its backup, and the person is told in one sentence.
import { writeFile } from 'node:fs/promises';
import { test, expect } from '@playwright/test';
import { describeSpan } from '../../electron/shared/anchoring';
import { annotationsFile } from '../../electron/core/library/files';
import { Library } from '../../electron/core/library/library';
import { startReader } from './support/harness';

test('a truncated highlights file is restored from its backup and the app says so', async ({ page }) => {
  const reader = await startReader(page, async (library) => {
    const [sample] = library.articles();
    if (sample === undefined) throw new Error('no sample');
    const { text } = await library.content(sample.id);
    const highlight = async (lib: Library, phrase: string) => {
      const at = text.indexOf(phrase);
      await lib.addAnnotation(sample.id, { color: 'yellow', note: '', target: describeSpan(text, at, at + phrase.length) });
    };
    await highlight(library, 'sky shield');
    // A later session's first save keeps a backup of what the earlier one left.
    await highlight(await Library.open(library.dataDir), 'Chonhar bridge');
    await writeFile(annotationsFile(library.dataDir, sample.id), '{"schemaVersion": 1, "articleId": ');
  });
  await reader.open();
  await expect(page.locator('.status')).toContainText('backup');
  await expect(page.locator('.highlight-card')).not.toHaveCount(0);
  await reader.close();
});
