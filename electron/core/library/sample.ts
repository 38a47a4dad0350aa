// The sample article a new library opens with, so Margin never starts on a blank screen.
import { loadImporter } from '../import/importer';
import type { Library } from './library';

export const SAMPLE_ARTICLE_PATH = 'assets/sample/ukraine-advance.txt';

/** Adds the sample to a library that has never had it and is empty; returns whether it did. */
export async function addSampleToNewLibrary(library: Library, samplePath: string): Promise<boolean> {
  if (library.settings.sampleAdded) return false;
  const empty = library.articles().length === 0;
  if (empty) {
    const { importFile } = await loadImporter();
    await library.addArticle(await importFile(samplePath));
  }
  await library.markSampleAdded();
  return empty;
}
