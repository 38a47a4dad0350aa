// "Save a link": a field that takes a web address and saves the page for reading offline.
import { h } from '../dom';

export function saveUrlForm(save: (url: string) => void): HTMLFormElement {
  const input = h('input', { type: 'url', name: 'url', class: 'url-input', placeholder: 'Paste a link to save…', 'aria-label': 'Web address to save', required: true });
  const form = h('form', { class: 'save-url' }, input, h('button', { type: 'submit' }, 'Save'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const url = input.value.trim();
    if (url === '') return;
    input.value = '';
    save(url);
  });
  return form;
}

