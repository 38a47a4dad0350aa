// Ctrl+Z pressed twice quickly must undo two things, in order, even while the first undo is
// still waiting on the store.
import { describe, expect, it } from 'vitest';
import { UndoStack } from '../../renderer/src/undo';

function slowEntry(label: string, log: string[]) {
  const wait = () => new Promise<void>((resolve) => setTimeout(resolve, 20));
  return {
    label,
    undo: async () => {
      await wait();
      log.push(`undo ${label}`);
    },
    redo: async () => {
      await wait();
      log.push(`redo ${label}`);
    },
  };
}

describe('UndoStack', () => {
  it('runs presses that arrive during a slow step one after another, none dropped', async () => {
    const log: string[] = [];
    const stack = new UndoStack();
    stack.push(slowEntry('create', log));
    stack.push(slowEntry('delete', log));
    const labels = await Promise.all([stack.undo(), stack.undo(), stack.undo()]);
    expect(labels).toEqual(['delete', 'create', null]);
    expect(log).toEqual(['undo delete', 'undo create']);
    expect(await Promise.all([stack.redo(), stack.redo()])).toEqual(['create', 'delete']);
    expect(log.slice(2)).toEqual(['redo create', 'redo delete']);
  });

  it('a failed step does not block the ones after it', async () => {
    const stack = new UndoStack();
    stack.push({ label: 'ok', undo: async () => {}, redo: async () => {} });
    stack.push({ label: 'broken', undo: () => Promise.reject(new Error('store gone')), redo: async () => {} });
    await expect(stack.undo()).rejects.toThrow('store gone');
    expect(await stack.undo()).toBe('ok');
  });

  it('a new action clears what could be redone', async () => {
    const stack = new UndoStack();
    stack.push({ label: 'a', undo: async () => {}, redo: async () => {} });
    await stack.undo();
    stack.push({ label: 'b', undo: async () => {}, redo: async () => {} });
    expect(await stack.redo()).toBeNull();
  });
});
