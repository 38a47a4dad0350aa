// What the reader's right-click menu offers for what is under the pointer, decided without
// Electron so it can be tested; main turns these entries into native menu items.
import type { MenuCommand } from '../shared/channels';

export interface ContextTarget {
  selectionText: string;
  isEditable: boolean;
  linkURL: string;
}

export type ContextEntry =
  | { kind: 'command'; label: string; command: MenuCommand }
  | { kind: 'role'; role: 'copy' | 'cut' | 'paste' | 'selectAll' }
  | { kind: 'open-link'; label: string; url: string }
  | { kind: 'separator' };

export function contextMenuEntries(target: ContextTarget, isWebUrl: (url: string) => boolean): ContextEntry[] {
  if (target.isEditable) return [{ kind: 'role', role: 'cut' }, { kind: 'role', role: 'copy' }, { kind: 'role', role: 'paste' }, { kind: 'separator' }, { kind: 'role', role: 'selectAll' }];
  const entries: ContextEntry[] = [];
  if (target.selectionText.trim() !== '') {
    entries.push(
      { kind: 'command', label: 'Highlight', command: 'highlight-selection' },
      { kind: 'command', label: 'Highlight and Add Note', command: 'note-selection' },
      { kind: 'separator' },
      { kind: 'role', role: 'copy' },
    );
  }
  if (target.linkURL !== '' && isWebUrl(target.linkURL)) {
    if (entries.length > 0) entries.push({ kind: 'separator' });
    entries.push({ kind: 'open-link', label: 'Open Link in Browser', url: target.linkURL });
  }
  return entries;
}
