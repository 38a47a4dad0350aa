// The library's settings, kept in library.json: the names a person gives the highlight colours,
// spell checking, and whether the sample article was added once.
import type { ColorLabels, HighlightColor } from '../../shared/model';
import { now, type LibraryParts } from './library-parts';
import type { LibraryFile } from './schemas';

type Settings = LibraryFile['settings'];

function changeSettings(parts: LibraryParts, id: 'colorLabels' | 'spellcheck' | 'sampleAdded', change: (settings: Settings) => Settings): Promise<void> {
  return parts.writes.run(async (log) => {
    await parts.libraryDoc.update((file) => ({ ...file, settings: change(file.settings) }));
    log.record({ kind: 'settings', id, updatedAt: now() });
  });
}

export async function setColorLabel(parts: LibraryParts, color: HighlightColor, label: string): Promise<ColorLabels> {
  await changeSettings(parts, 'colorLabels', (settings) => {
    const colorLabels = { ...settings.colorLabels };
    if (label.trim() === '') delete colorLabels[color];
    else colorLabels[color] = label.trim();
    return { ...settings, colorLabels };
  });
  return parts.libraryDoc.data.settings.colorLabels;
}

export function setSpellcheck(parts: LibraryParts, on: boolean): Promise<void> {
  return changeSettings(parts, 'spellcheck', (settings) => ({ ...settings, spellcheck: on }));
}

export function markSampleAdded(parts: LibraryParts): Promise<void> {
  return changeSettings(parts, 'sampleAdded', (settings) => ({ ...settings, sampleAdded: true }));
}
