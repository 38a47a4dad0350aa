// Ctrl+Z pressed twice quickly must undo two things, in order, even while the first undo is
// still waiting on the store; a step the store refuses is not lost.
import { setImmediate } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { UndoStack, type UndoEntry } from '../../renderer/src/edits/history';

function slowEntry(label: string, log: string[]): UndoEntry {
  // A step that is still waiting on the store: it finishes only a few turns of the event loop later.
  const wait = async () => {
    for (let turn = 0; turn < 5; turn++) await setImmediate();
  };
  return {
    label,
    showIn: null,
    undo: async () => {
      await wait();
      log.push(`undo ${label}`);
      return true;
    },
    redo: async () => {
      await wait();
      log.push(`redo ${label}`);
      return true;
    },
  };
}

const entry = (label: string, undo: () => Promise<boolean> = async () => true): UndoEntry => ({ label, showIn: null, undo, redo: async () => true });
const label = (step: { entry: UndoEntry } | null) => step?.entry.label ?? null;

describe('UndoStack', () => {
  it('runs presses that arrive during a slow step one after another, none dropped', async () => {
    const log: string[] = [];
    const stack = new UndoStack();
    stack.push(slowEntry('create', log));
    stack.push(slowEntry('delete', log));
    const steps = await Promise.all([stack.undo(), stack.undo(), stack.undo()]);
    expect(steps.map(label)).toEqual(['delete', 'create', null]);
    expect(log).toEqual(['undo delete', 'undo create']);
    expect((await Promise.all([stack.redo(), stack.redo()])).map(label)).toEqual(['create', 'delete']);
    expect(log.slice(2)).toEqual(['redo create', 'redo delete']);
  });

  it('a failed step does not block the ones after it, and stays to be tried again', async () => {
    const stack = new UndoStack();
    stack.push(entry('ok'));
    let broken = true;
    stack.push(entry('flaky', () => (broken ? Promise.reject(new Error('store gone')) : Promise.resolve(true))));
    await expect(stack.undo()).rejects.toThrow('store gone');
    broken = false;
    expect(label(await stack.undo())).toBe('flaky');
    expect(label(await stack.undo())).toBe('ok');
  });

  it('a step the store refused stays on top: the next Ctrl+Z tries the same change, never an older one', async () => {
    const stack = new UndoStack();
    stack.push(entry('older'));
    const refused = entry('refused', async () => false);
    stack.push(refused);
    expect(await stack.undo()).toEqual({ entry: refused, done: false });
    expect(stack.isLast(refused)).toBe(true);
    expect(await stack.redo()).toBeNull();
  });

  it('a new change clears what could be redone', async () => {
    const stack = new UndoStack();
    stack.push(entry('a'));
    await stack.undo();
    stack.push(entry('b'));
    expect(await stack.redo()).toBeNull();
  });

  it('keeps the last 200 changes', async () => {
    const stack = new UndoStack();
    for (let i = 0; i < 250; i++) stack.push(entry(String(i)));
    const labels: (string | null)[] = [];
    for (let i = 0; i < 201; i++) labels.push(label(await stack.undo()));
    expect(labels[0]).toBe('249');
    expect(labels[199]).toBe('50');
    expect(labels[200]).toBeNull();
  });
});

describe('UndoStack.perform', () => {
  it('Ctrl+Z pressed while a change is still being stored takes back that change, not the one before', async () => {
    const log: string[] = [];
    const stack = new UndoStack();
    stack.push(entry('highlight', async () => (log.push('undo highlight'), true)));
    let answer: () => void = () => undefined;
    const storeAnswered = new Promise<void>((resolve) => (answer = resolve));
    const renaming = stack.perform(async () => {
      await storeAnswered;
      return entry('renaming green', async () => (log.push('undo renaming green'), true));
    });
    const pressed = stack.undo();
    answer();
    await renaming;
    expect(label(await pressed)).toBe('renaming green');
    expect(log).toEqual(['undo renaming green']);
  });

  it('a change the store refused records nothing, and Ctrl+Z then takes back the change before it', async () => {
    const stack = new UndoStack();
    stack.push(entry('highlight'));
    await stack.perform(async () => null);
    expect(label(await stack.undo())).toBe('highlight');
  });
});
