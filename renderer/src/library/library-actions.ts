// The library's list and what a person does with its articles: open, archive, trash, restore,
// empty the trash, import files, addresses, annotations and an article again, back up. Changes
// to an article's state go through the undo history; the others rewrite too much to undo, so
// the history forgets what came before them.
import type { ArticleState, ArticleSummary } from '../../../electron/shared/model';
import { call, margin } from '../bridge';
import type { Edits } from '../edits/edits';
import { sayWithUndo, type Say } from '../edits/say-with-undo';
import { applyTagEdit, type TagEdit } from '../reader/tag-field';
import type { Span } from '../reader/text-offsets';
import { fetchImagesChosen } from '../settings/import-options';
import { confirmDialog } from '../shell/confirm-dialog';
import { focusedRowArticle } from '../shell/window-actions';
import { ImportFlow } from './import-flow';
import { LibraryPanel } from './library-panel';

/** What the library needs from the reader around it. */
interface LibraryHost {
  say: Say;
  /** The article open in the reader, if any. */
  openId(): string | null;
  openArticle(id: string, at?: Span): Promise<void>;
  /** The open article was deleted for good: the reader shows none. */
  clearReader(): void;
}

export class LibraryActions {
  private list: ArticleSummary[] = [];
  readonly panel = new LibraryPanel({
    open: (id, at) => void this.host.openArticle(id, at),
    setState: (id, state) => void this.setState(id, state),
    emptyTrash: () => void this.emptyTrash(),
    search: (query) => call(margin().searchLibrary({ query })),
  });
  readonly imports = new ImportFlow({ say: (message) => this.host.say(message), libraryChanged: (id) => this.changed(id) });

  constructor(
    private readonly host: LibraryHost,
    private readonly edits: Edits,
  ) {}

  get articles(): readonly ArticleSummary[] {
    return this.list;
  }

  find(id: string): ArticleSummary | undefined {
    return this.list.find((a) => a.id === id);
  }

  async refresh(): Promise<void> {
    this.list = (await call(margin().listArticles({}))) ?? this.list;
    this.render();
  }

  render(): void {
    this.panel.update(this.list, this.host.openId());
  }

  /** An article as the store answered for it. */
  articleChanged(summary: ArticleSummary): void {
    this.list = this.list.map((a) => (a.id === summary.id ? summary : a));
    this.render();
  }

  progressSaved(id: string, progress: number, lastReadAt: string | null): void {
    this.list = this.list.map((a) => (a.id === id ? { ...a, progress, lastReadAt } : a));
    this.render();
  }

  /** The open article's highlight count as the reader shows it, on its row. */
  counted(id: string, highlights: number): void {
    const article = this.find(id);
    if (article === undefined || article.highlightCount === highlights) return;
    article.highlightCount = highlights;
    this.render();
  }

  async setState(id: string, state: ArticleState): Promise<void> {
    const before = this.find(id)?.state;
    if (before === undefined) return;
    const entry = await this.edits.setArticleState(id, before, state);
    if (entry === null) return;
    const done =
      state === 'trash' ? 'Moved to the trash.' : before === 'trash' ? (state === 'archived' ? 'Restored to the archive.' : 'Restored to your reading list.') : state === 'archived' ? 'Archived.' : 'Back in your reading list.';
    sayWithUndo(this.edits, this.host.say, done, entry);
  }

  /** Restores an article from the trash to where it was, reading or the archive. */
  restore(id: string): Promise<void> {
    return this.setState(id, this.find(id)?.trashedFrom ?? 'reading');
  }

  /** a, Shift+Delete, u: the focused library row's article, or else the open one. */
  stateKey(wanted: ArticleState): boolean {
    const id = focusedRowArticle() ?? this.host.openId();
    const article = id === null ? undefined : this.find(id);
    const state = article?.state;
    if (id === null || state === undefined) return false;
    // Restoring from the trash puts the article back where it was, as the banner and the row do.
    const restored = state === 'trash' && wanted === 'reading' ? (article?.trashedFrom ?? 'reading') : wanted;
    const next = wanted === 'archived' && state === 'archived' ? 'reading' : restored;
    if (next !== state) void this.setState(id, next);
    else this.host.say(next === 'trash' ? 'Already in the trash.' : 'Already in your reading list.');
    return true;
  }

  editTags(id: string, seen: string[], edit: TagEdit): void {
    void this.edits.setArticleTags(id, this.find(id)?.tags ?? seen, (was) => applyTagEdit(was, edit));
  }

  async emptyTrash(): Promise<void> {
    const count = this.list.filter((a) => a.state === 'trash').length;
    if (count === 0) return this.host.say('The trash is empty.');
    const sure = await confirmDialog('Empty the trash?', `${count} article${count === 1 ? '' : 's'} and ${count === 1 ? 'its' : 'their'} highlights will be deleted for good.`, 'Delete for good');
    if (!sure) return;
    const result = await call(margin().emptyTrash({}));
    if (result === null) return;
    this.edits.forgetAll();
    const openId = this.host.openId();
    if (openId !== null && !this.list.some((a) => a.id === openId && a.state !== 'trash')) this.host.clearReader();
    await this.refresh();
    this.host.say(`Deleted ${result.deleted} article${result.deleted === 1 ? '' : 's'} for good.`);
  }

  async reimport(id: string): Promise<void> {
    this.host.say('Importing the article again…');
    const report = await call(margin().reimportArticle({ id, fetchImages: fetchImagesChosen() }));
    if (report === null) return;
    this.edits.forgetAll();
    await this.host.openArticle(id);
    const carried = report.exact + report.moved + report.fuzzy - report.needsReview;
    this.host.say(
      report.needsReview === 0
        ? `Version ${report.revision}: all ${carried} highlight${carried === 1 ? '' : 's'} found their place.`
        : `Version ${report.revision}: ${carried} highlight${carried === 1 ? '' : 's'} found their place; ${report.needsReview} need${report.needsReview === 1 ? 's' : ''} your review.`,
    );
  }

  async importAnnotations(): Promise<void> {
    const report = await call(margin().importAnnotations({}));
    if (report === null) return;
    this.edits.forgetAll();
    const parts = [`Attached ${report.attached} annotation${report.attached === 1 ? '' : 's'}.`];
    if (report.alreadyThere > 0) parts.push(`${report.alreadyThere} were already there.`);
    parts.push(...report.problems.slice(0, 3));
    if (report.problems.length > 3) parts.push(`${report.problems.length - 3} more could not be attached.`);
    parts.push(...report.notes);
    this.host.say(parts.join(' '));
    const openId = this.host.openId();
    if (openId !== null) await this.host.openArticle(openId);
    await this.refresh();
  }

  async backUp(): Promise<void> {
    const result = await call(margin().backUpLibrary({}));
    if (result?.path) this.host.say(`Backed up ${result.files} files to ${result.path}.`);
  }

  async importFiles(): Promise<void> {
    const chosen = await call(margin().chooseImportFiles({}));
    if (chosen !== null) await this.imports.run(chosen.paths);
  }

  /** Files dropped, addresses pasted or saved, sources handed over by the system. */
  importSources(sources: string[]): Promise<void> {
    return this.imports.run(sources);
  }

  private async changed(openId: string | null): Promise<void> {
    await this.refresh();
    if (openId !== null) await this.host.openArticle(openId);
  }
}
