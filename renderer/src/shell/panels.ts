// The library and notes panels. Docked beside the article while the reading column keeps at least
// 45 characters a line (WCAG reflow); below that width, and in focus mode, they are shown over the
// article instead, closed until called. Whether a docked panel is open is remembered on this device.
import { h } from '../dom';
import { Dismissable } from './dismissable';

export type PanelName = 'library' | 'notes';
type Shown = Record<PanelName, boolean>;

const KEY = 'margin.panels';

export function loadDocked(storage: Storage): Shown {
  try {
    const saved = JSON.parse(storage.getItem(KEY) ?? '{}') as Partial<Shown>;
    return { library: saved.library !== false, notes: saved.notes !== false };
  } catch {
    return { library: true, notes: true };
  }
}

export interface PanelElements {
  shell: HTMLElement;
  reader: HTMLElement;
  library: HTMLElement;
  notes: HTMLElement;
}

interface Panel {
  element: HTMLElement;
  button: HTMLButtonElement;
  overlay: Dismissable;
  docked: boolean;
}

export class Panels {
  /** Whether each panel is open when it is docked: the person's choice, remembered. */
  private readonly wanted: Shown;
  private forceOverlay = false;
  private readonly panels: Record<PanelName, Panel>;
  /** Widths the layout depends on, measured in CSS so fonts, sizes and zoom count. */
  readonly probe = h('div', { class: 'layout-probe', 'aria-hidden': 'true' }, h('div', { class: 'probe-reading' }), h('div', { class: 'probe-library' }), h('div', { class: 'probe-notes' }));

  constructor(
    private readonly el: PanelElements,
    buttons: Record<PanelName, HTMLButtonElement>,
    private readonly storage: Storage = localStorage,
  ) {
    this.wanted = loadDocked(storage);
    const panel = (name: PanelName): Panel => {
      const element = name === 'library' ? el.library : el.notes;
      const button = buttons[name];
      button.setAttribute('aria-controls', element.id);
      button.addEventListener('click', () => this.toggle(name));
      const overlay = new Dismissable(element, button, () => this.render());
      return { element, button, overlay, docked: true };
    };
    this.panels = { library: panel('library'), notes: panel('notes') };
    el.shell.append(this.probe);
    new ResizeObserver(() => this.layout()).observe(this.probe.firstElementChild as Element);
    new ResizeObserver(() => this.layout()).observe(el.shell);
    this.layout();
  }

  /** Focus mode: both panels wait over the article until called. */
  setForceOverlay(on: boolean): void {
    this.forceOverlay = on;
    for (const name of ['library', 'notes'] as const) this.panels[name].overlay.close(false);
    this.layout();
  }

  isShown(name: PanelName): boolean {
    const panel = this.panels[name];
    return panel.docked ? this.wanted[name] : panel.overlay.isOpen;
  }

  /** The button or key: a docked panel opens or closes for good, an overlay comes and goes. */
  toggle(name: PanelName): boolean {
    const panel = this.panels[name];
    if (panel.docked) {
      this.wanted[name] = !this.wanted[name];
      this.storage.setItem(KEY, JSON.stringify(this.wanted));
      this.layout();
    } else if (panel.overlay.isOpen) panel.overlay.close(true);
    else panel.overlay.open({ focus: true });
    return true;
  }

  /** Makes sure a panel can be seen, for an action that works inside it (a note, a search). */
  reveal(name: PanelName): void {
    const panel = this.panels[name];
    if (this.isShown(name)) return;
    if (panel.docked) this.toggle(name);
    else panel.overlay.open({ focus: false });
  }

  /** The pointer resting at the edge where a hidden panel lives. */
  peek(name: PanelName): void {
    const panel = this.panels[name];
    if (!panel.docked && !panel.overlay.isOpen) panel.overlay.open({ focus: false, peek: true });
  }

  /** Escape outside any panel: closes the one shown over the article. */
  closeOverlays(): boolean {
    let closed = false;
    for (const name of ['library', 'notes'] as const) {
      const panel = this.panels[name];
      if (!panel.docked && panel.overlay.isOpen) {
        panel.overlay.close(true);
        closed = true;
      }
    }
    return closed;
  }

  private layout(): void {
    const width = (selector: string) => this.probe.querySelector(selector)?.getBoundingClientRect().width ?? 0;
    const reader = getComputedStyle(this.el.reader);
    // The reader's padding and its scrollbar's gutter come off the column too.
    const frame = parseFloat(reader.paddingLeft) + parseFloat(reader.paddingRight) + (this.el.reader.offsetWidth - this.el.reader.clientWidth);
    const need = width('.probe-reading') + frame;
    const room = this.el.shell.clientWidth;
    // The notes panel has the first claim on the room: it is where highlights are read and written.
    // The library docks only beside it (or when the person has closed it), never in its place.
    const notesDocks = !this.forceOverlay && room - width('.probe-notes') >= need;
    const notesTakes = notesDocks && this.wanted.notes ? width('.probe-notes') : 0;
    const libraryDocks = !this.forceOverlay && (notesDocks || !this.wanted.notes) && room - notesTakes - width('.probe-library') >= need;
    const hadFocus = (['library', 'notes'] as const).find((name) => this.panels[name].element.contains(document.activeElement));
    this.dock('notes', notesDocks);
    this.dock('library', libraryDocks);
    this.render();
    // A panel that folded away with the focus in it hands the focus to its button, not to nowhere.
    if (hadFocus !== undefined && !this.isShown(hadFocus)) this.panels[hadFocus].button.focus();
  }

  private dock(name: PanelName, docked: boolean): void {
    const panel = this.panels[name];
    if (panel.docked === docked) return;
    if (docked) panel.overlay.close(false);
    panel.docked = docked;
  }

  private render(): void {
    for (const name of ['library', 'notes'] as const) {
      const panel = this.panels[name];
      const shown = this.isShown(name);
      panel.element.classList.toggle('is-overlay', !panel.docked);
      panel.element.hidden = !shown;
      panel.button.setAttribute('aria-expanded', String(shown));
    }
  }
}
