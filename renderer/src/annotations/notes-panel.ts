// The side panel: the article's note, the colour legend, highlights that need review after a new
// revision, and the highlights in reading order, each with its note, tags and colour; clicking a
// quote takes the reader to it.
import { HIGHLIGHT_COLORS, type Annotation, type ColorLabels, type HighlightColor } from '../../../electron/shared/model';
import { describeHighlight } from './screen-reader-marks';
import { h } from '../dom';
import { renderNote } from './note-markdown';
import { highlightTagEditor, type TagEdit } from '../reader/tag-field';
import { reviewCard } from './revision-review-card';
import { WindowedList } from '../library/windowed-list';

export interface NotesPanelActions {
  goTo(id: string): void;
  editNote(id: string | null): void;
  saveNote(id: string, note: string): void;
  recolor(id: string, color: HighlightColor): void;
  editTags(id: string, edit: TagEdit): void;
  remove(id: string): void;
  editArticleNote(editing: boolean): void;
  saveArticleNote(note: string): void;
  renameColor(color: HighlightColor, label: string): void;
  acceptCandidate(id: string): void;
  attachSelection(id: string): void;
}

export interface NotesPanelState {
  annotations: readonly Annotation[];
  /** Highlights with no place in the current text, or flagged after a revision. */
  review: ReadonlySet<string>;
  /** For each highlight under review, the candidate's words in the current text. */
  candidates: ReadonlyMap<string, string>;
  focusedId: string | null;
  editingId: string | null;
  articleNote: string;
  editingArticleNote: boolean;
  colorLabels: ColorLabels;
  knownTags: readonly string[];
}

/**
 * Text typed into a highlight's note editor and not yet saved, by highlight id: a card can be
 * rebuilt while its editor is open (scrolled out of a long list and back), and must not lose it.
 */
const drafts = new Map<string, string>();

function editor(label: string, draftKey: string | null, value: string, save: (text: string) => void, cancel: () => void): HTMLElement {
  const textarea = h('textarea', { class: 'note-input', 'aria-label': label, rows: '4', placeholder: 'Write a note in Markdown…' });
  textarea.value = (draftKey === null ? undefined : drafts.get(draftKey)) ?? value;
  const done = (then: () => void) => () => {
    if (draftKey !== null) drafts.delete(draftKey);
    then();
  };
  const saveNote = done(() => save(textarea.value));
  const cancelEdit = done(cancel);
  const saveButton = h('button', { type: 'button', class: 'primary' }, 'Save note');
  const cancelButton = h('button', { type: 'button' }, 'Cancel');
  saveButton.addEventListener('click', saveNote);
  cancelButton.addEventListener('click', cancelEdit);
  if (draftKey !== null) textarea.addEventListener('input', () => drafts.set(draftKey, textarea.value));
  textarea.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) saveNote();
    if (event.key === 'Escape') cancelEdit();
  });
  queueMicrotask(() => textarea.focus());
  return h('div', { class: 'note-editor' }, textarea, h('div', { class: 'editor-actions' }, saveButton, cancelButton));
}

const colorName = (color: HighlightColor, labels: ColorLabels) => (labels[color] ? `${color} (${labels[color]})` : color);

function card(annotation: Annotation, state: NotesPanelState, actions: NotesPanelActions): HTMLElement {
  const { id } = annotation;
  const quote = h('button', { type: 'button', class: 'card-quote', title: 'Show in article' }, annotation.target.quote.exact);
  quote.addEventListener('click', () => actions.goTo(id));
  const editing = state.editingId === id;
  const note = editing
    ? editor('Note', id, annotation.note, (text) => actions.saveNote(id, text), () => actions.editNote(null))
    : annotation.note.trim() === ''
      ? null
      : h('div', { class: 'card-note' }, renderNote(annotation.note));
  const noteButton = h('button', { type: 'button', class: 'link' }, annotation.note.trim() === '' ? 'Add note' : 'Edit note');
  noteButton.addEventListener('click', () => actions.editNote(id));
  const swatches = HIGHLIGHT_COLORS.map((color) => {
    const swatch = h('button', {
      type: 'button',
      class: `swatch swatch-${color}`,
      'aria-label': `Colour ${colorName(color, state.colorLabels)}`,
      'aria-pressed': color === annotation.color ? 'true' : 'false',
    });
    swatch.addEventListener('click', () => actions.recolor(id, color));
    return swatch;
  });
  const remove = h('button', { type: 'button', class: 'link danger' }, 'Delete');
  remove.addEventListener('click', () => actions.remove(id));
  return h(
    'li',
    { class: `highlight-card color-${annotation.color}${state.focusedId === id ? ' is-focused' : ''}`, 'data-id': id },
    // What the painted colour and the note's presence say to the eye, said first to a screen reader.
    h('span', { class: 'visually-hidden' }, describeHighlight({ color: annotation.color, hasNote: annotation.note.trim() !== '' }, state.colorLabels)),
    quote,
    note,
    highlightTagEditor(annotation, actions.editTags),
    h('div', { class: 'card-actions' }, editing ? null : noteButton, h('span', { class: 'swatches' }, ...swatches), remove),
  );
}

function articleNoteBlock(state: NotesPanelState, actions: NotesPanelActions): HTMLElement {
  if (state.editingArticleNote) {
    return h('section', { class: 'article-note', 'aria-label': 'Article note' }, editor('Article note', null, state.articleNote, actions.saveArticleNote, () => actions.editArticleNote(false)));
  }
  const edit = h('button', { type: 'button', class: 'link' }, state.articleNote.trim() === '' ? 'Add a note on this article' : 'Edit article note');
  edit.addEventListener('click', () => actions.editArticleNote(true));
  return h(
    'section',
    { class: 'article-note', 'aria-label': 'Article note' },
    state.articleNote.trim() === '' ? null : h('div', { class: 'card-note' }, renderNote(state.articleNote)),
    edit,
  );
}

function legend(state: NotesPanelState, actions: NotesPanelActions): HTMLElement {
  return h(
    'ul',
    { class: 'color-legend', 'aria-label': 'Colour legend' },
    ...HIGHLIGHT_COLORS.map((color) => {
      const input = h('input', { type: 'text', class: 'legend-input', value: state.colorLabels[color] ?? '', placeholder: color, 'aria-label': `Name for ${color}`, maxlength: '40' });
      const commit = () => {
        if (input.value.trim() !== (state.colorLabels[color] ?? '')) actions.renameColor(color, input.value.trim());
      };
      input.addEventListener('change', commit);
      input.addEventListener('keydown', (event) => {
        if (event.key === 'Enter') input.blur();
      });
      return h('li', {}, h('span', { class: `swatch swatch-${color}`, 'aria-hidden': 'true' }), input);
    }),
  );
}

export function renderNotesPanel(top: HTMLElement, list: HTMLElement, state: NotesPanelState, actions: NotesPanelActions): void {
  const underReview = state.annotations.filter((a) => state.review.has(a.id));
  // The top (article note, legend, tags, highlights to review) is rebuilt only when what it shows
  // changed, not on every save of a highlight.
  const topKey = JSON.stringify([
    state.articleNote,
    state.editingArticleNote,
    state.colorLabels,
    state.knownTags,
    underReview.map((a) => [a.id, a.updatedAt, a.note, a.color, a.review, state.candidates.get(a.id) ?? null]),
  ]);
  if (tops.get(top) !== topKey) {
    tops.set(top, topKey);
    renderTop(top, underReview, state, actions);
  }
  renderList(list, state, actions);
}

const tops = new WeakMap<HTMLElement, string>();

function renderTop(top: HTMLElement, underReview: Annotation[], state: NotesPanelState, actions: NotesPanelActions): void {
  const parts: HTMLElement[] = [
    articleNoteBlock(state, actions),
    legend(state, actions),
    h('datalist', { id: 'margin-known-tags' }, ...state.knownTags.map((tag) => h('option', { value: tag }))),
  ];
  if (underReview.length > 0) {
    parts.push(h('section', { class: 'needs-review', 'aria-label': 'Needs review' }, h('h3', {}, `Needs review (${underReview.length})`), h('ol', {}, ...underReview.map((a) => reviewCard(a, state.candidates.get(a.id), actions)))));
  }
  top.replaceChildren(...parts);
}

function renderList(list: HTMLElement, state: NotesPanelState, actions: NotesPanelActions): void {
  const placed = state.annotations.filter((a) => !state.review.has(a.id));
  const previous = lists.get(list);
  const sameArticle = previous !== undefined && previous.articleId === placed[0]?.articleId;
  const cards = sameArticle ? previous.cards : new Map<string, CachedCard>();
  const view: ListView = { articleId: placed[0]?.articleId ?? null, cards, windowed: previous?.windowed ?? null };
  lists.set(list, view);
  if (placed.length === 0) {
    stopWindowing(view);
    list.replaceChildren(h('li', { class: 'empty' }, 'No highlights yet. Select text in the article and press h, or pick a colour.'));
    return;
  }
  const labels = JSON.stringify(state.colorLabels);
  const cardAt = (index: number): HTMLElement => cardFor(placed[index] as Annotation, state, actions, labels, cards);
  if (placed.length < WINDOWED_FROM) {
    stopWindowing(view);
    const ids = new Set(placed.map((a) => a.id));
    for (const id of cards.keys()) if (!ids.has(id)) cards.delete(id);
    patchChildren(list, placed.map((_, index) => cardAt(index)));
    return;
  }
  if (!sameArticle) view.windowed?.dispose();
  if (view.windowed === null || !sameArticle) {
    view.windowed = new WindowedList(list, list.closest<HTMLElement>('.notes-scroll') ?? list, patchChildren);
  }
  view.windowed.set({
    ids: placed.map((a) => a.id),
    render: cardAt,
    // Cards scrolled far out of view are let go, so memory stays that of one screenful.
    shown: (ids) => {
      for (const id of cards.keys()) if (!ids.has(id)) cards.delete(id);
    },
  });
}

/** Empties the list. */
export function clearNotesList(top: HTMLElement, list: HTMLElement): void {
  tops.delete(top);
  top.replaceChildren();
  const view = lists.get(list);
  if (view !== undefined) stopWindowing(view);
  lists.delete(list);
  list.replaceChildren();
}

/** Puts a highlight's card in the list if it is not shown (scrolling to it), and returns it. */
export function revealCard(list: HTMLElement, id: string): HTMLElement | null {
  return lists.get(list)?.windowed?.reveal(id) ?? list.querySelector<HTMLElement>(`[data-id="${CSS.escape(id)}"]`);
}

/** From this many highlights on, only the cards in and near view are in the page. */
const WINDOWED_FROM = 150;

interface CachedCard {
  annotation: Annotation;
  key: string;
  element: HTMLElement;
}

interface ListView {
  articleId: string | null;
  /** Built cards by highlight id, with the annotation object each shows (a change is a new object). */
  cards: Map<string, CachedCard>;
  windowed: WindowedList | null;
}

const lists = new WeakMap<HTMLElement, ListView>();

function stopWindowing(view: ListView): void {
  view.windowed?.dispose();
  view.windowed = null;
}

/** A card is rebuilt only when its highlight or how it is shown changed. */
function cardFor(annotation: Annotation, state: NotesPanelState, actions: NotesPanelActions, labels: string, cards: Map<string, CachedCard>): HTMLElement {
  const key = `${state.focusedId === annotation.id}|${state.editingId === annotation.id}|${labels}`;
  const cached = cards.get(annotation.id);
  if (cached !== undefined && cached.annotation === annotation && cached.key === key) return cached.element;
  const element = card(annotation, state, actions);
  cards.set(annotation.id, { annotation, key, element });
  return element;
}

/**
 * Makes the list's children the wanted elements, touching only what differs: saving one highlight
 * inserts one card instead of re-inserting thousands, each of which the browser would style and
 * lay out again.
 */
function patchChildren(list: HTMLElement, wanted: readonly HTMLElement[]): void {
  const keep = new Set<Node>(wanted);
  for (const child of [...list.children]) if (!keep.has(child)) child.remove();
  let cursor = list.firstElementChild;
  for (const element of wanted) {
    if (cursor === element) {
      cursor = cursor.nextElementSibling;
      continue;
    }
    list.insertBefore(element, cursor);
  }
}

