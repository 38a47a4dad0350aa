// A question asked in the page (the renderer never uses the blocking window.confirm).
import { h } from '../dom';
import { showModalReturningFocus } from './focus-return';

export function confirmDialog(title: string, question: string, confirmLabel: string): Promise<boolean> {
  const ok = h('button', { type: 'submit', value: 'yes', class: 'primary danger-fill' }, confirmLabel);
  const cancel = h('button', { type: 'submit', value: 'no' }, 'Cancel');
  const dialog = h(
    'dialog',
    { class: 'confirm-dialog', 'aria-labelledby': 'confirm-title', 'aria-describedby': 'confirm-question' },
    h('form', { method: 'dialog' }, h('h2', { id: 'confirm-title' }, title), h('p', { id: 'confirm-question' }, question), h('div', { class: 'dialog-actions' }, cancel, ok)),
  );
  document.body.append(dialog);
  showModalReturningFocus(dialog);
  cancel.focus();
  return new Promise((done) => {
    dialog.addEventListener(
      'close',
      () => {
        done(dialog.returnValue === 'yes');
        dialog.remove();
      },
      { once: true },
    );
  });
}
