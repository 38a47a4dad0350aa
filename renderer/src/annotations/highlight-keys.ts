// The keys that act on one highlight (colour, note, tags, delete, review) and on the selection
// (highlight it). A key for one highlight reaches the focused highlight only while the keyboard
// is in the article or the notes: from a library row or the contents, Delete must not reach it.
import { HIGHLIGHT_COLORS, type HighlightColor } from '../../../electron/shared/model';
import type { AnnotationController } from './annotation-controller';
import { revealCard } from './notes-panel';

interface HighlightKeysParts {
  reader: HTMLElement;
  notesList: HTMLElement;
  controller: AnnotationController;
  /** The selection, when it lies in the open article. */
  selectionInArticle(): Range | null;
  highlightSelection(color: HighlightColor, withNote: boolean): void;
  highlightWithLastColor(withNote: boolean): void;
  /** # with no highlight focused: the article's own tags. */
  focusArticleTags(): boolean;
}

export class HighlightKeys {
  constructor(private readonly parts: HighlightKeysParts) {}

  /** h and n: the selection, in the colour used last. */
  highlight(withNote: boolean): boolean {
    if (this.parts.selectionInArticle() === null) return false;
    this.parts.highlightWithLastColor(withNote);
    return true;
  }

  /** 1 to 5: highlights the selection in that colour, or recolours the focused highlight. */
  color(index: number): boolean {
    const color = HIGHLIGHT_COLORS[index];
    if (color === undefined) return false;
    const id = this.inReach();
    if (this.parts.selectionInArticle() !== null) this.parts.highlightSelection(color, false);
    else if (id !== null) void this.parts.controller.update(id, { color }, 'colour');
    else return false;
    return true;
  }

  editNote(): boolean {
    const id = this.inReach();
    if (id === null) return false;
    this.parts.controller.panelActions.editNote(id);
    return true;
  }

  tag(): boolean {
    const id = this.inReach();
    if (id === null) return this.parts.focusArticleTags();
    revealCard(this.parts.notesList, id)?.querySelector<HTMLElement>('.tag-add')?.click();
    return true;
  }

  delete(): boolean {
    const id = this.inReach();
    if (id === null || this.parts.selectionInArticle() !== null) return false;
    void this.parts.controller.remove(id);
    return true;
  }

  /** Shift+A, Shift+H: on the review card that has the focus, or else the first one waiting. */
  review(cards: string, act: (id: string) => void): boolean {
    const active = document.activeElement instanceof HTMLElement ? document.activeElement.closest<HTMLElement>(cards) : null;
    const id = (active ?? document.querySelector<HTMLElement>(cards))?.dataset.id;
    if (id === undefined) return false;
    act(id);
    return true;
  }

  private inReach(): string | null {
    const active = document.activeElement;
    const inReach = active !== null && (this.parts.reader.contains(active) || this.parts.notesList.closest('aside')?.contains(active) === true);
    return inReach ? this.parts.controller.focusedId : null;
  }
}
