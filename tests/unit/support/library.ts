import { importFile } from '../../../electron/core/import/import-file';
import { Library } from '../../../electron/core/library/library';
import type { ArticleMeta } from '../../../electron/shared/model';
import { samplePath } from './paths';
import { tempDir } from './temp-dir';

export async function libraryWithSample(): Promise<{ library: Library; dataDir: string; sample: ArticleMeta }> {
  const dataDir = await tempDir();
  const library = await Library.open(dataDir);
  const sample = await library.addArticle(await importFile(samplePath));
  return { library, dataDir, sample };
}
