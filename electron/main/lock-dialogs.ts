// The messages the app shows while a `margin` command holds the library's write lock
// (core/library/app-lock.ts decides when).
import { dialog } from 'electron';
import type { LockWaitUi } from '../core/library/app-lock';

export const lockWaitDialogs: LockWaitUi = {
  async showWaiting(sentence, signal) {
    await dialog.showMessageBox({ type: 'info', title: 'Margin', message: sentence, detail: 'Margin opens as soon as it has finished.', buttons: ['Quit'], cancelId: 0, signal });
    return signal.aborted ? 'closed' : 'quit';
  },
  async askRetry(sentence) {
    const { response } = await dialog.showMessageBox({
      type: 'warning',
      title: 'Margin',
      message: sentence,
      detail: 'Retry once it has finished, or quit.',
      buttons: ['Retry', 'Quit'],
      defaultId: 0,
      cancelId: 1,
    });
    return response === 0 ? 'retry' : 'quit';
  },
};
