// Brings files and web addresses into the library one at a time, with a progress bar, a question
// when the same file or page is already there, and one sentence per failure that names it.
import type { ImportOutcome } from '../../../electron/shared/contract';
import { NO_IMAGES, addImageSummaries, imageSummarySentence } from '../../../electron/shared/image-summary';
import { pastedTextProblem } from '../../../electron/shared/pasted-text';
import { margin } from '../bridge';
import { h } from '../dom';
import { showModalReturningFocus } from '../shell/focus-return';
import { fetchImagesChosen } from '../settings/import-options';

export interface ImportFlowHost {
  say(message: string): void;
  libraryChanged(openId: string | null): Promise<void>;
}

type Choice = 'new' | 'update' | 'skip';

function displayName(source: string): string {
  if (/^https?:\/\//iu.test(source)) {
    try {
      return new URL(source).host;
    } catch {
      return source;
    }
  }
  return source.split(/[\\/]/u).at(-1) ?? source;
}

export class ImportFlow {
  readonly progress: HTMLElement;
  private readonly bar = h('progress', { max: '1', value: '0' });
  private readonly label = h('span', { class: 'import-label' });
  private readonly dialog: HTMLDialogElement;
  private readonly question = h('p', { id: 'duplicate-question' });
  private running: Promise<void> = Promise.resolve();

  constructor(private readonly host: ImportFlowHost) {
    this.progress = h('div', { class: 'import-progress', role: 'status', 'aria-live': 'polite', hidden: true }, this.label, this.bar);
    const again = h('button', { type: 'submit', value: 'new' }, 'Add a copy');
    const update = h('button', { type: 'submit', value: 'update', class: 'primary' }, 'Update it, keeping my highlights');
    const skip = h('button', { type: 'submit', value: 'skip' }, 'Keep the one I have');
    this.dialog = h(
      'dialog',
      { class: 'duplicate-dialog', 'aria-labelledby': 'duplicate-title', 'aria-describedby': 'duplicate-question' },
      h('form', { method: 'dialog' }, h('h2', { id: 'duplicate-title' }, 'Already in your library'), this.question, h('div', { class: 'dialog-actions' }, skip, again, update)),
    );
    document.body.append(this.dialog);
  }

  /** Imports the sources after any import already running, so two drops never interleave. */
  run(sources: string[]): Promise<void> {
    this.running = this.running.then(() => this.importAll(sources));
    return this.running;
  }

  /** Pasted text as an article (first line the headline), in turn with other imports. */
  importText(text: string): Promise<void> {
    this.running = this.running.then(async () => {
      const problem = pastedTextProblem(text);
      if (problem !== null) return this.host.say(problem);
      this.label.textContent = 'Importing the pasted text…';
      this.bar.max = 1;
      this.bar.value = 0;
      this.progress.hidden = false;
      const result = await margin().importText({ text });
      this.progress.hidden = true;
      if (!result.ok) return this.host.say(result.error);
      await this.host.libraryChanged(result.value.status === 'exists' ? null : result.value.article.id);
      this.host.say('Imported 1 article.');
    });
    return this.running;
  }

  private async importAll(sources: string[]): Promise<void> {
    if (sources.length === 0) return;
    const failures: string[] = [];
    let lastId: string | null = null;
    let imported = 0;
    let images = NO_IMAGES;
    const notes: string[] = [];
    this.progress.hidden = false;
    this.bar.max = sources.length;
    for (const [index, source] of sources.entries()) {
      const name = displayName(source);
      this.label.textContent = sources.length > 1 ? `Importing ${index + 1} of ${sources.length}: ${name}…` : `Importing ${name}…`;
      this.bar.value = index;
      const outcome = await this.importOne(source, failures, name);
      if (outcome?.status === 'imported' || outcome?.status === 'updated') {
        imported++;
        lastId = outcome.article.id;
        images = addImageSummaries(images, outcome.images);
        notes.push(...outcome.notes.map((note) => (sources.length > 1 ? `${name}: ${note}` : note)));
      }
    }
    this.progress.hidden = true;
    await this.host.libraryChanged(lastId);
    const parts: string[] = [];
    if (imported > 0) parts.push(imported === 1 ? 'Imported 1 article.' : `Imported ${imported} articles.`);
    const pictures = imageSummarySentence(images);
    if (pictures !== null) parts.push(pictures);
    parts.push(...notes, ...failures);
    if (parts.length > 0) this.host.say(parts.join(' '));
  }

  private async importOne(source: string, failures: string[], name: string): Promise<ImportOutcome | null> {
    try {
      const fetchImages = fetchImagesChosen();
      let result = await margin().importArticle({ source, ifExists: 'ask', fetchImages });
      if (result.ok && result.value.status === 'exists') {
        const choice = await this.ask(`${name} is already in your library as “${result.value.existing.title}”. Update it to this version, or add it again as a separate copy?`);
        if (choice === 'skip') return null;
        result = await margin().importArticle({ source, ifExists: choice, fetchImages });
      }
      if (result.ok) return result.value;
      failures.push(result.error);
    } catch (error) {
      failures.push(`${name} could not be imported: ${error instanceof Error ? error.message : String(error)}.`);
    }
    return null;
  }

  private ask(question: string): Promise<Choice> {
    this.question.textContent = question;
    this.dialog.returnValue = 'skip';
    showModalReturningFocus(this.dialog);
    return new Promise((done) => {
      this.dialog.addEventListener('close', () => done(this.dialog.returnValue === 'new' || this.dialog.returnValue === 'update' ? this.dialog.returnValue : 'skip'), { once: true });
    });
  }
}
