// Changes to the library list (library.json's articles), each written to the article's own
// meta.json first (see article-meta-file.ts), so the folders never know less than the list. When
// library.json then fails to save, meta.json is put back as it was, so a change that was refused
// does not come back when the list is rebuilt. Callers hold the write lock.
import type { ArticleMeta } from '../../shared/model';
import { UserError } from '../errors';
import { removeArticleMeta, writeArticleMeta, writeArticleMetas, type MetaFiles } from './article-meta-file';
import type { LibraryFile } from './schemas';
import type { StoredDocument } from './stored-document';

export const noSuchArticle = (id: string) => `There is no article with the id ${id} in this library.`;

/** Writes meta.json, unless the article's folder is gone (then there is nothing to keep it beside). */
async function writeBeside(files: MetaFiles, meta: ArticleMeta): Promise<void> {
  await writeArticleMeta(files, meta).catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  });
}

export class ArticleList {
  constructor(
    private readonly doc: StoredDocument<LibraryFile>,
    private readonly files: MetaFiles,
  ) {}

  /** Lists a new article whose folder is written; if this fails, the caller removes the folder. */
  async add(meta: ArticleMeta): Promise<void> {
    await writeArticleMeta(this.files, meta);
    await this.doc.update((file) => ({ ...file, articles: [...file.articles, meta] }));
  }

  /** Applies change to the article's entry and saves it; throws a UserError when there is no such article. */
  async change(id: string, change: (meta: ArticleMeta) => ArticleMeta): Promise<ArticleMeta> {
    const current = await this.current(id);
    const next = change(current);
    await writeBeside(this.files, next);
    await this.saveList(current, (articles) => articles.map((meta) => (meta.id === id ? next : meta)));
    return next;
  }

  /** Takes the article off the list; its meta.json goes first, so a delete cut short never brings it back. */
  async remove(id: string): Promise<void> {
    const current = await this.current(id);
    await removeArticleMeta(this.files.dataDir, id);
    await this.saveList(current, (articles) => articles.filter((meta) => meta.id !== id));
  }

  /**
   * Gives every listed article its meta.json, once: a library from before these files, or one a
   * Margin without them wrote to. Until then its list could not be rebuilt from the folders.
   */
  async recordInFolders(): Promise<void> {
    await this.doc.refresh();
    if (this.doc.data.foldersHoldMeta) return;
    await writeArticleMetas(this.files, this.doc.data.articles);
    await this.doc.update((file) => ({ ...file, foldersHoldMeta: true }));
  }

  private async current(id: string): Promise<ArticleMeta> {
    await this.doc.refresh();
    const found = this.doc.data.articles.find((meta) => meta.id === id);
    if (found === undefined) throw new UserError(noSuchArticle(id));
    return found;
  }

  private async saveList(previous: ArticleMeta, change: (articles: ArticleMeta[]) => ArticleMeta[]): Promise<void> {
    try {
      await this.doc.update((file) => ({ ...file, articles: change(file.articles) }));
    } catch (error) {
      // The error that stopped the change is the one to report, whether or not this works.
      await writeBeside(this.files, previous).catch(() => undefined);
      throw error;
    }
  }
}
