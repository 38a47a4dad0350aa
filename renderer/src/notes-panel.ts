// The side panel: the article's highlights in reading order, each with its note, colour and
// delete; clicking a quote takes the reader to it.
import { HIGHLIGHT_COLORS, type Annotation, type HighlightColor } from '../../electron/shared/model';
import { h } from './dom';
import { renderNote } from './note-markdown';

export interface NotesPanelActions {
  goTo(id: string): void;
  editNote(id: string | null): void;
  saveNote(id: string, note: string): void;
  recolor(id: string, color: HighlightColor): void;
  remove(id: string): void;
}

export interface NotesPanelState {
  annotations: Annotation[];
  orphaned: ReadonlySet<string>;
  focusedId: string | null;
  editingId: string | null;
}

function noteEditor(annotation: Annotation, actions: NotesPanelActions): HTMLElement {
  const textarea = h('textarea', { class: 'note-input', 'aria-label': 'Note', rows: '4', placeholder: 'Write a note…' });
  textarea.value = annotation.note;
  const save = h('button', { type: 'button', class: 'primary' }, 'Save note');
  const cancel = h('button', { type: 'button' }, 'Cancel');
  save.addEventListener('click', () => actions.saveNote(annotation.id, textarea.value));
  cancel.addEventListener('click', () => actions.editNote(null));
  textarea.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) actions.saveNote(annotation.id, textarea.value);
    if (event.key === 'Escape') actions.editNote(null);
  });
  queueMicrotask(() => textarea.focus());
  return h('div', { class: 'note-editor' }, textarea, h('div', { class: 'editor-actions' }, save, cancel));
}

function card(annotation: Annotation, state: NotesPanelState, actions: NotesPanelActions): HTMLElement {
  const { id } = annotation;
  const orphaned = state.orphaned.has(id);
  const quote = h('button', { type: 'button', class: 'card-quote', title: orphaned ? 'This passage is no longer in the article' : 'Show in article' }, annotation.target.quote.exact);
  quote.addEventListener('click', () => actions.goTo(id));
  const editing = state.editingId === id;
  const note = editing
    ? noteEditor(annotation, actions)
    : annotation.note.trim() === ''
      ? null
      : h('div', { class: 'card-note' }, renderNote(annotation.note));
  const noteButton = h('button', { type: 'button', class: 'link' }, annotation.note.trim() === '' ? 'Add note' : 'Edit note');
  noteButton.addEventListener('click', () => actions.editNote(id));
  const swatches = HIGHLIGHT_COLORS.map((color) => {
    const swatch = h('button', {
      type: 'button',
      class: `swatch swatch-${color}`,
      'aria-label': `Colour ${color}`,
      'aria-pressed': color === annotation.color ? 'true' : 'false',
    });
    swatch.addEventListener('click', () => actions.recolor(id, color));
    return swatch;
  });
  const remove = h('button', { type: 'button', class: 'link danger' }, 'Delete');
  remove.addEventListener('click', () => actions.remove(id));
  return h(
    'li',
    {
      class: `highlight-card color-${annotation.color}${state.focusedId === id ? ' is-focused' : ''}${orphaned ? ' is-orphaned' : ''}`,
      'data-id': id,
    },
    quote,
    note,
    h('div', { class: 'card-actions' }, editing ? null : noteButton, h('span', { class: 'swatches' }, ...swatches), remove),
  );
}

export function renderNotesPanel(list: HTMLElement, state: NotesPanelState, actions: NotesPanelActions): void {
  if (state.annotations.length === 0) {
    list.replaceChildren(h('li', { class: 'empty' }, 'No highlights yet. Select text in the article and press h, or pick a colour.'));
    return;
  }
  list.replaceChildren(...state.annotations.map((annotation) => card(annotation, state, actions)));
}
