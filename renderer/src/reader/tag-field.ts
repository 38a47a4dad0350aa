// Tags typed by a person: several in a row, each taken on Enter or at a comma, the field staying
// open for the next until Escape or until focus leaves it.
import type { Annotation } from '../../../electron/shared/model';
import { h } from '../dom';

/**
 * A change to a list of tags as the person meant it: these added, those removed. It is applied to
 * the tags as stored when its turn comes, so a tag typed before the store answered the last one
 * is kept beside it, never replaced by an older list.
 */
export interface TagEdit {
  add: string[];
  remove: string[];
}

export function applyTagEdit(tags: readonly string[], edit: TagEdit): string[] {
  return [...new Set([...tags.filter((t) => !edit.remove.includes(t)), ...edit.add])];
}

/** The edit that turns one list into another. */
export function tagEditBetween(from: readonly string[], to: readonly string[]): TagEdit {
  return { add: to.filter((t) => !from.includes(t)), remove: from.filter((t) => !to.includes(t)) };
}

/** Tags typed into a field: split at commas, a leading # dropped, spaces inside a tag made dashes. */
export function parseTags(text: string): string[] {
  return [...new Set(text.split(',').map((t) => t.trim().replace(/^#/u, '').replace(/\s+/gu, '-')).filter((t) => t !== ''))];
}

/**
 * Marks a tag field with nothing typed since its last tag was taken: Ctrl+Z there takes back
 * that tag (the app's undo), as it would once the field is left, rather than nothing.
 */
export function passUndoThrough(input: HTMLInputElement, on: boolean): void {
  input.toggleAttribute(UNDO_PASSES_THROUGH, on);
}
export const UNDO_PASSES_THROUGH = 'data-undo-passes';

/**
 * The highlight whose tag field is open, with the tags last asked for and what is typed: a saved
 * tag rebuilds the card, and the field comes back in the new card, focused, with any typing kept.
 */
interface OpenField {
  id: string;
  tags: string[];
  draft: string;
  input: HTMLInputElement | null;
}
let open: OpenField | null = null;

// Each card offers a small "+ tag" button that becomes a text field when used, rather than a
// field on every card: a text field is far heavier for the page than a button, and with
// thousands of highlights the fields alone made scrolling and garbage collection stall.
export function highlightTagEditor(annotation: Annotation, editTags: (id: string, edit: TagEdit) => void): HTMLElement {
  const { id } = annotation;
  const chips = annotation.tags.map((tag) => {
    const remove = h('button', { type: 'button', class: 'tag-remove', 'aria-label': `Remove tag ${tag}` }, '×');
    remove.addEventListener('click', () => editTags(id, { add: [], remove: [tag] }));
    return h('span', { class: 'tag-chip' }, `#${tag}`, remove);
  });
  const add = h('button', { type: 'button', class: 'tag-add', 'aria-label': 'Add a tag' }, '+ tag');
  const field = () => {
    const input = h('input', { type: 'text', class: 'tag-input', list: 'margin-known-tags', placeholder: 'tag', 'aria-label': 'New tag' });
    const state: OpenField = open?.id === id ? open : { id, tags: annotation.tags, draft: '', input: null };
    state.input = input;
    // A card is built anew when the store answers: what it holds now is the truth (an undo included).
    state.tags = annotation.tags;
    open = state;
    input.value = state.draft;
    passUndoThrough(input, state.draft === '');
    const take = () => {
      const added = parseTags(input.value).filter((t) => !state.tags.includes(t));
      input.value = '';
      state.draft = '';
      passUndoThrough(input, true);
      if (added.length === 0) return;
      state.tags = [...state.tags, ...added];
      editTags(id, { add: added, remove: [] });
    };
    const close = (focusButton: boolean) => {
      if (open === state) open = null;
      if (!input.isConnected) return;
      input.replaceWith(add);
      if (focusButton) add.focus();
    };
    input.addEventListener('input', () => {
      state.draft = input.value;
      passUndoThrough(input, input.value === '');
      if (input.value.includes(',')) take();
    });
    input.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        close(true);
      } else if (event.key === 'Enter') {
        event.preventDefault();
        take();
      }
    });
    input.addEventListener('blur', () => {
      // A card rebuilt for the tag just saved takes the field's place; only a person leaving closes it.
      if (state.input !== input || open !== state) return;
      // Switching to another window is not leaving the field: the half-typed tag waits for the person.
      if (!document.hasFocus()) return;
      take();
      close(false);
    });
    return input;
  };
  add.addEventListener('click', () => {
    const input = field();
    add.replaceWith(input);
    input.focus();
  });
  if (open?.id === id) {
    const input = field();
    queueMicrotask(() => input.isConnected && input.focus());
    return h('div', { class: 'card-tags' }, ...chips, input);
  }
  return h('div', { class: 'card-tags' }, ...chips, add);
}
