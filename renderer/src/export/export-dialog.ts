// The Export dialog: format, scope (this article or the whole library, the trash only when
// ticked), a preview of the first lines, then Save, which asks where. Exporting never changes
// the library. An export still being written after a second shows a progress bar; Cancel (or
// Escape) then stops it, and nothing is left at the chosen path.
import type { ExportFormatName } from '../../../electron/shared/contract';
import { EXPORT_FORMATS } from '../../../electron/shared/export-formats';
import { call, margin } from '../bridge';
import { h } from '../dom';
import { showModalReturningFocus } from '../shell/focus-return';


export class ExportDialog {
  readonly element: HTMLDialogElement;
  private readonly format = h('select', { 'aria-label': 'Format' }, ...EXPORT_FORMATS.map((f) => h('option', { value: f.value }, f.label)));
  private readonly scopeArticle = h('input', { type: 'radio', name: 'export-scope', value: 'article' });
  private readonly scopeLibrary = h('input', { type: 'radio', name: 'export-scope', value: 'library' });
  private readonly perArticle = h('input', { type: 'checkbox' });
  private readonly perArticleRow: HTMLElement;
  private readonly includeTrash = h('input', { type: 'checkbox' });
  private readonly includeTrashRow = h('label', { class: 'export-option' }, this.includeTrash, ' Include the trash');
  private readonly csvExact = h('input', { type: 'checkbox', 'aria-describedby': 'export-csv-exact-why' });
  private readonly csvExactRow = h(
    'div',
    { class: 'export-choice' },
    h('label', { class: 'export-option' }, this.csvExact, ' Exact Readwise form'),
    h(
      'p',
      { class: 'export-hint', id: 'export-csv-exact-why' },
      'Without it, a cell that starts with =, +, - or @ gets a leading apostrophe, so a spreadsheet shows it as text instead of running it as a formula; Readwise then keeps the apostrophe. The exact form imports into Readwise unchanged, but is unsafe to open in a spreadsheet.',
    ),
  );
  private readonly preview = h('pre', { class: 'export-preview', 'aria-label': 'Preview', tabindex: '0' });
  private readonly summary = h('p', { class: 'export-summary' });
  private readonly progress = h('progress', { 'aria-label': 'Export progress', max: '1', value: '0' });
  private readonly progressText = h('span', {});
  private readonly progressRow = h('p', { class: 'export-progress', hidden: '' }, this.progress, ' ', this.progressText);
  private articleId: string | null = null;
  private generation = 0;
  /** Counts exports, so a finished one stops watching its progress. */
  private exportRun = 0;
  private exporting = false;

  constructor(private readonly say: (message: string) => void) {
    const save = h('button', { type: 'button', class: 'primary' }, 'Save…');
    const cancel = h('button', { type: 'button' }, 'Cancel');
    this.perArticleRow = h('label', { class: 'export-option' }, this.perArticle, ' One file per article, into a folder (an Obsidian vault)');
    this.element = h(
      'dialog',
      { class: 'export-dialog', 'aria-labelledby': 'export-title' },
      h('h2', { id: 'export-title' }, 'Export notes'),
      h('label', { class: 'export-option' }, h('span', {}, 'Format '), this.format),
      h('fieldset', { class: 'export-scope' }, h('legend', {}, 'What'), h('label', {}, this.scopeArticle, ' This article'), h('label', {}, this.scopeLibrary, ' The whole library')),
      this.includeTrashRow,
      this.perArticleRow,
      this.csvExactRow,
      this.summary,
      this.preview,
      this.progressRow,
      h('div', { class: 'dialog-actions' }, cancel, save),
    );
    for (const control of [this.format, this.scopeArticle, this.scopeLibrary, this.perArticle, this.includeTrash, this.csvExact]) control.addEventListener('change', () => void this.refresh());
    cancel.addEventListener('click', () => (this.exporting ? void this.cancelExport() : this.element.close()));
    // Escape closes a dialog; while an export is written it cancels the export instead.
    this.element.addEventListener('cancel', (event) => {
      if (!this.exporting) return;
      event.preventDefault();
      void this.cancelExport();
    });
    save.addEventListener('click', () => void this.save());
  }

  open(articleId: string | null, wholeLibrary: boolean): void {
    this.articleId = articleId;
    this.scopeArticle.disabled = articleId === null;
    (wholeLibrary || articleId === null ? this.scopeLibrary : this.scopeArticle).checked = true;
    if (!this.element.open) showModalReturningFocus(this.element);
    void this.refresh();
  }

  private request() {
    const format = this.format.value as ExportFormatName;
    const articleIds = this.scopeArticle.checked && this.articleId !== null ? [this.articleId] : null;
    return { format, articleIds, includeTrash: articleIds === null && this.includeTrash.checked, csvExact: format === 'csv' && this.csvExact.checked };
  }

  private async refresh(): Promise<void> {
    const { format } = this.request();
    this.perArticleRow.hidden = format !== 'markdown' || !this.scopeLibrary.checked;
    this.includeTrashRow.hidden = !this.scopeLibrary.checked;
    this.csvExactRow.hidden = format !== 'csv';
    const generation = ++this.generation;
    this.preview.textContent = 'Preparing the preview…';
    const preview = await call(margin().previewExport(this.request()));
    if (generation !== this.generation || preview === null) return;
    const files = preview.files === 1 ? preview.firstName : `${preview.files} files, the first: ${preview.firstName}`;
    // An article Margin cannot read is left out of the export: the person sees which before saving.
    this.summary.textContent = [files, ...preview.skipped.map((sentence) => `Left out: ${sentence}`)].join(' ');
    this.preview.textContent = preview.preview;
  }

  private async save(): Promise<void> {
    const request = { ...this.request(), perArticle: !this.perArticleRow.hidden && this.perArticle.checked };
    const run = ++this.exportRun;
    this.exporting = true;
    const saving = call(margin().saveExport(request));
    void this.watchProgress(run);
    const result = await saving;
    this.exporting = false;
    this.exportRun++;
    this.progressRow.hidden = true;
    if (result?.cancelled === true) {
      this.element.close();
      this.say('Export cancelled; nothing was written.');
      return;
    }
    if (result === null || result.paths === null) return;
    this.element.close();
    const parts = [result.paths.length === 1 ? `Exported to ${result.paths[0]}.` : `Exported ${result.paths.length} files.`];
    const images = result.images ?? 0;
    const missing = result.missingImages ?? 0;
    if (images > 0) parts.push(`${images === 1 ? '1 image' : `${images} images`} beside the notes, in attachments.`);
    if (missing > 0) parts.push(`${missing === 1 ? '1 image the notes refer to is' : `${missing} images the notes refer to are`} missing from the library.`);
    for (const sentence of result.skipped ?? []) parts.push(`Left out: ${sentence}`);
    this.say(parts.join(' '));
  }

  /** Follows the export's progress; the bar appears once the file has been written for a second. */
  private async watchProgress(run: number): Promise<void> {
    let seen = -1;
    let timer: ReturnType<typeof setTimeout> | null = null;
    while (run === this.exportRun) {
      const status = await call(margin().exportProgress({ after: seen }));
      if (status === null || !status.running || run !== this.exportRun) break;
      seen = status.version;
      if (status.total === 0) continue;
      timer ??= setTimeout(() => {
        if (run === this.exportRun) this.progressRow.hidden = false;
      }, 1000);
      this.progress.max = status.total;
      this.progress.value = status.done;
      this.progressText.textContent = `Exporting: ${status.done.toLocaleString()} of ${status.total.toLocaleString()} articles written.`;
    }
    if (timer !== null) clearTimeout(timer);
  }

  private async cancelExport(): Promise<void> {
    this.progressText.textContent = 'Cancelling…';
    await call(margin().cancelExport({}));
  }
}
