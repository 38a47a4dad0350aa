// The frame around the article: a toolbar with the panel, contents and focus buttons, the
// panels' docking, focus mode and the table of contents, offered to the app as the actions its
// keys run.
import { h } from '../dom';
import { TableOfContents } from '../reader/table-of-contents';
import { FocusMode } from './focus-mode';
import { Panels, type PanelName } from './panels';

/** What the app's keys and actions ask of the frame. */
export interface ShellControls {
  toggle(panel: PanelName): boolean;
  reveal(panel: PanelName): void;
  toggleFocusMode(): boolean;
  toggleContents(): boolean;
  /** Escape: closes what is shown over the article, else leaves focus mode. */
  escape(): boolean;
  articleShown(body: HTMLElement | null): void;
}

export interface ShellElements {
  shell: HTMLElement;
  reader: HTMLElement;
  library: HTMLElement;
  notes: HTMLElement;
}

const toolbarButton = (label: string, key: string, title: string) =>
  h('button', { type: 'button', class: 'toolbar-button', 'aria-keyshortcuts': key, title: `${title} (${key})` }, label);

export class ShellLayout implements ShellControls {
  private readonly libraryButton = toolbarButton('Library', '[', 'Show or hide the library');
  private readonly notesButton = toolbarButton('Notes', ']', 'Show or hide highlights and notes');
  private readonly focusButton = toolbarButton('Focus', 'f', 'Focus mode: only the article');
  readonly contents: TableOfContents;
  readonly toolbar: HTMLElement;
  private panels: Panels | null = null;
  private focusMode: FocusMode | null = null;

  constructor(
    reader: HTMLElement,
    private readonly announce: (text: string) => void,
  ) {
    this.contents = new TableOfContents(reader);
    this.toolbar = h(
      'nav',
      { class: 'reader-toolbar', 'aria-label': 'View' },
      this.libraryButton,
      h('span', { class: 'toolbar-middle' }, this.contents.button, this.focusButton),
      this.notesButton,
    );
  }

  /** Starts the layout once the panels are in the page. */
  attach(el: ShellElements): void {
    this.panels = new Panels(el, { library: this.libraryButton, notes: this.notesButton });
    this.focusMode = new FocusMode(el.shell, this.toolbar, this.focusButton, this.panels, el.reader, this.announce);
  }

  toggle(panel: PanelName): boolean {
    return this.panels?.toggle(panel) ?? false;
  }

  reveal(panel: PanelName): void {
    this.panels?.reveal(panel);
  }

  toggleFocusMode(): boolean {
    return this.focusMode?.toggle() ?? false;
  }

  toggleContents(): boolean {
    return this.contents.toggle();
  }

  escape(): boolean {
    return this.contents.close() || this.panels?.closeOverlays() === true || this.focusMode?.leave() === true;
  }

  articleShown(body: HTMLElement | null): void {
    this.contents.show(body);
  }
}
