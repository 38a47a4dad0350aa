// A message with an "Undo" that takes back that change, while it is still the last one.
import type { Edits } from './edits';
import type { UndoEntry } from './history';

export type Say = (message: string, action?: { label: string; run: () => void }) => void;

export function sayWithUndo(edits: Edits, say: Say, message: string, entry: UndoEntry): void {
  say(message, { label: 'Undo', run: () => void edits.undoIfLast(entry).then((said) => said !== null && say(said)) });
}
