// The annotation controller over the real handler table and a library in a temp folder, with a
// stand-in for the screen: what a selection saves, what each change and its undo leave in the
// store and on screen, and what the person sees when the store refuses.
import { describe, expect, it } from 'vitest';
import { createHandlers, type Platform } from '../../electron/core/handlers';
import { buildInvokeApi } from '../../electron/shared/api';
import { fail } from '../../electron/shared/result';
import { AnnotationController, type AnnotationView } from '../../renderer/src/annotations/annotation-controller';
import { setErrorReporter } from '../../renderer/src/bridge';
import { Edits } from '../../renderer/src/edits/edits';
import type { Span } from '../../renderer/src/reader/text-offsets';
import { libraryWithSample } from './support/library';

const platform: Platform = { chooseSavePath: async () => null, chooseImportFiles: async () => [], chooseFolder: async () => null, chooseOpenFile: async () => null };

/** The screen as the controller drives it: sentences said, the Undo offered, where the keyboard went. */
class ScreenStandIn implements AnnotationView {
  said: string[] = [];
  announced: string[] = [];
  undo: (() => void) | null = null;
  cardsFocused: (string | null)[] = [];
  selection: Span | null = null;
  paints = 0;
  panels = 0;
  notesRevealed = 0;
  readonly say = (message: string, action?: { label: string; run: () => void }) => {
    this.said.push(message);
    this.undo = action?.run ?? null;
  };
  paint(): void {
    this.paints += 1;
  }
  renderPanel(): void {
    this.panels += 1;
  }
  revealNotes(): void {
    this.notesRevealed += 1;
  }
  scrollArticleTo(): void {}
  scrollCardIntoView(): void {}
  focusCard(id: string | null): void {
    this.cardsFocused.push(id);
  }
  selectedSpan(): Span | null {
    return this.selection;
  }
  afterNextPaint(step: () => void): void {
    step();
  }
  announce(text: string): void {
    this.announced.push(text);
  }
}

async function reading() {
  const { library, sample } = await libraryWithSample();
  const table = new Map(Object.entries(createHandlers(library, platform)));
  const refusing = new Set<string>();
  const api = buildInvokeApi(async (channel, input) => (refusing.has(channel) ? fail('The library could not save that.') : ((await table.get(channel)?.(input)) ?? fail('Unknown request.'))));
  const errors: string[] = [];
  setErrorReporter((message) => errors.push(message));
  const screen = new ScreenStandIn();
  const labels: string[] = [];
  const controller: AnnotationController = new AnnotationController(
    new Edits(
      {
        openId: () => controller.articleId,
        show: async () => {},
        title: () => sample.title,
        annotationChanged: (annotation) => controller.annotationChanged(annotation),
        annotationRemoved: (articleId, id) => controller.annotationRemoved(articleId, id),
        articleNoteChanged: (articleId, note) => controller.articleNoteChanged(articleId, note),
        articleChanged: () => {},
        colorLabelsChanged: (colorLabels) => (labels.push(JSON.stringify(colorLabels)), controller.colorLabelsChanged(colorLabels)),
        recorded: () => {},
      },
      () => api,
    ),
    screen,
  );
  const { text } = await library.content(sample.id);
  controller.opened({ articleId: sample.id, text, annotations: await library.annotations(sample.id), articleNote: '' });
  const words = (phrase: string): Span => {
    const start = text.indexOf(phrase);
    if (start === -1) throw new Error(`not in the sample: ${phrase}`);
    return { start, end: start + phrase.length };
  };
  const stored = async () => (await library.annotations(sample.id)).map((a) => ({ quote: a.target.quote.exact, color: a.color, note: a.note, tags: a.tags }));
  const shown = () => controller.annotations.map((a) => ({ quote: a.target.quote.exact, color: a.color, note: a.note, tags: a.tags }));
  return { library, sample, controller, screen, errors, refusing, words, stored, shown, labels };
}

describe('annotation controller', () => {
  it('saves a selection as a highlight under the id it showed, focused and painted, and says so to screen readers', async () => {
    const { controller, screen, words, stored } = await reading();
    await controller.highlight(words('free city of Kupyansk'), 'green', false);
    expect(await stored()).toEqual([{ quote: 'free city of Kupyansk', color: 'green', note: '', tags: [] }]);
    const [only] = controller.annotations;
    expect(controller.focusedId).toBe(only?.id);
    expect(controller.editingId).toBeNull();
    expect(controller.painted()).toEqual([{ id: only?.id, color: 'green', ...words('free city of Kupyansk'), hasNote: false }]);
    expect(screen.announced).toEqual(['Highlighted: free city of Kupyansk']);
  });

  it('with a note asked for, opens the note editor on the new highlight and shows the notes', async () => {
    const { controller, screen, words } = await reading();
    await controller.highlight(words('Hanna Maliar'), 'blue', true);
    expect(controller.editingId).toBe(controller.annotations[0]?.id);
    expect(screen.notesRevealed).toBe(1);
  });

  it('a highlight the store refuses goes again, the person is told why, and there is nothing to undo', async () => {
    const { controller, screen, words, stored, errors, refusing } = await reading();
    refusing.add('annotation:create');
    await controller.highlight(words('Hanna Maliar'), 'yellow', false);
    expect(controller.annotations).toEqual([]);
    expect(controller.focusedId).toBeNull();
    expect(controller.painted()).toEqual([]);
    expect(await stored()).toEqual([]);
    expect(errors).toEqual(['The library could not save that.']);
    await controller.undo();
    expect(screen.said).toEqual(['Nothing to undo.']);
  });

  it('recolour, note and tags are saved, and each undo restores what was there before, newest first', async () => {
    const { controller, screen, words, stored, shown } = await reading();
    await controller.highlight(words('Hanna Maliar'), 'yellow', false);
    const id = controller.annotations[0]?.id ?? '';
    controller.panelActions.recolor(id, 'pink');
    controller.panelActions.editNote(id);
    controller.panelActions.saveNote(id, 'deputy minister');
    controller.panelActions.editTags(id, { add: ['people', 'defence'], remove: [] });
    const after = { quote: 'Hanna Maliar', color: 'pink', note: 'deputy minister', tags: ['people', 'defence'] };
    await expect.poll(stored).toEqual([after]);
    expect(shown()).toEqual([after]);
    expect(controller.editingId).toBeNull();

    await controller.undo();
    expect(await stored()).toEqual([{ ...after, tags: [] }]);
    await controller.undo();
    expect(await stored()).toEqual([{ ...after, tags: [], note: '' }]);
    await controller.undo();
    expect(await stored()).toEqual([{ ...after, tags: [], note: '', color: 'yellow' }]);
    expect(shown()).toEqual(await stored());
    await controller.undo();
    expect(await stored()).toEqual([]);
    expect(shown()).toEqual([]);
    expect(screen.said).toEqual(['Undid tags.', 'Undid note.', 'Undid colour.', 'Undid highlight.']);

    await controller.redo();
    await controller.redo();
    expect(await stored()).toEqual([{ ...after, tags: [], note: '', color: 'pink' }]);
    expect(controller.annotations.map((a) => a.id)).toEqual([id]);
  });

  it('a note the store refuses keeps its editor open, and the highlight keeps the note it had', async () => {
    const { controller, words, stored, errors, refusing } = await reading();
    await controller.highlight(words('Hanna Maliar'), 'yellow', false);
    const id = controller.annotations[0]?.id ?? '';
    controller.panelActions.editNote(id);
    refusing.add('annotation:update');
    await controller.update(id, { note: 'lost' }, 'note');
    expect(controller.editingId).toBe(id);
    expect(await stored()).toEqual([{ quote: 'Hanna Maliar', color: 'yellow', note: '', tags: [] }]);
    expect(errors).toEqual(['The library could not save that.']);
  });

  it('delete offers Undo, moves the keyboard to the next highlight, and Undo brings the deleted one back', async () => {
    const { controller, screen, words, stored } = await reading();
    await controller.highlight(words('Hanna Maliar'), 'yellow', false);
    await controller.highlight(words('free city of Kupyansk'), 'green', false);
    const [first, second] = controller.annotations;
    await controller.remove(first?.id ?? '');
    expect((await stored()).map((a) => a.quote)).toEqual(['free city of Kupyansk']);
    expect(screen.said).toEqual(['Highlight deleted.']);
    expect(screen.cardsFocused).toEqual([second?.id]);
    expect(controller.focusedId).toBe(second?.id);

    screen.undo?.();
    await expect.poll(async () => (await stored()).map((a) => a.quote).sort()).toEqual(['Hanna Maliar', 'free city of Kupyansk']);
    expect(controller.annotations.map((a) => a.id)).toEqual([first?.id, second?.id]);
  });

  it('the last highlight deleted sends the keyboard back to the article; a refused delete leaves it', async () => {
    const { controller, screen, words, stored, refusing } = await reading();
    await controller.highlight(words('Hanna Maliar'), 'yellow', false);
    const id = controller.annotations[0]?.id ?? '';
    refusing.add('annotation:delete');
    await controller.remove(id);
    expect((await stored()).length).toBe(1);
    expect(controller.annotations.length).toBe(1);
    expect(screen.said).toEqual([]);
    refusing.clear();
    await controller.remove(id);
    expect(controller.annotations).toEqual([]);
    expect(screen.cardsFocused).toEqual([null]);
  });

  it('next and previous go through the highlights in reading order, and say where they are', async () => {
    const { controller, screen, words } = await reading();
    await controller.highlight(words('free city of Kupyansk'), 'green', false);
    await controller.highlight(words('Hanna Maliar'), 'yellow', false);
    controller.unfocus();
    expect(controller.step(1)).toBe(true);
    expect(controller.step(1)).toBe(true);
    expect(controller.step(1)).toBe(true);
    expect(controller.step(-1)).toBe(true);
    expect(screen.announced.slice(2)).toEqual([
      'Highlight 1 of 2, yellow: Hanna Maliar',
      'Highlight 2 of 2, green: free city of Kupyansk',
      'Highlight 2 of 2, green: free city of Kupyansk',
      'Highlight 1 of 2, yellow: Hanna Maliar',
    ]);
  });

  it('the article note and colour names are saved and undone like the rest', async () => {
    const { controller, screen, library, sample, labels } = await reading();
    await controller.saveArticleNote('Read again in spring.');
    expect(controller.panelState()?.articleNote).toBe('Read again in spring.');
    controller.panelActions.renameColor('pink', 'Question');
    await controller.undo();
    await controller.undo();
    expect(controller.panelState()?.articleNote).toBe('');
    expect(await library.articleNote(sample.id)).toBe('');
    expect(labels).toEqual(['{"pink":"Question"}', '{}']);
    expect(screen.said).toEqual(['Undid renaming pink.', 'Undid article note.']);
  });

  it('accepting the words a revision found puts the highlight back in the text; with no selection, attach asks for one', async () => {
    const { controller, screen, words, library, sample } = await reading();
    const span = words('Hanna Maliar');
    await controller.highlight(span, 'yellow', false);
    const id = controller.annotations[0]?.id ?? '';
    const review = { status: 'fuzzy' as const, confidence: 0.7, candidate: { ...span, confidence: 0.7 }, revision: 2 };
    await controller.update(id, { review }, 'flag');
    expect(controller.panelState()?.review).toEqual(new Set([id]));
    expect(controller.painted()).toEqual([]);
    await controller.attachSelection(id);
    expect(screen.said).toEqual(['Select the words in the article first, then choose Attach to selection.']);
    await controller.acceptCandidate(id);
    expect(controller.panelState()?.review).toEqual(new Set());
    expect(controller.painted().map((p) => [p.start, p.end])).toEqual([[span.start, span.end]]);
    expect((await library.annotations(sample.id))[0]?.review).toBeNull();
  });
});
