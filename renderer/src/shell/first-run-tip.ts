// A short tip on first use, until the person dismisses it (remembered on this device).
import { h } from '../dom';
import { focusReader } from './focus-return';

const KEY = 'margin.first-run-tip-dismissed';

export function firstRunTip(storage: Storage = localStorage): HTMLElement | null {
  if (storage.getItem(KEY) === '1') return null;
  const dismiss = h('button', { type: 'button', class: 'tip-dismiss' }, 'Got it');
  const tip = h(
    'aside',
    { class: 'first-run-tip', 'aria-label': 'Tip' },
    h('p', {}, 'Select any passage and press ', h('kbd', {}, 'h'), ' (or pick a colour) to highlight it; ', h('kbd', {}, 'n'), ' adds a note. ', h('kbd', {}, '?'), ' lists every key.'),
    dismiss,
  );
  dismiss.addEventListener('click', () => {
    storage.setItem(KEY, '1');
    tip.remove();
    focusReader();
  });
  return tip;
}
