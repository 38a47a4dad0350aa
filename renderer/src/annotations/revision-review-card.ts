// A highlight a new revision left uncertain: what the person highlighted beside what the article
// says there now, the changed words marked on both sides, and the choices (accept the new
// words, attach the highlight to a selection instead, delete it).
import type { Annotation } from '../../../electron/shared/model';
import { wordChanges, type WordPart } from '../../../electron/shared/anchoring';
import { h } from '../dom';
import { renderNote } from './note-markdown';

export interface ReviewActions {
  acceptCandidate(id: string): void;
  attachSelection(id: string): void;
  remove(id: string): void;
}

function marked(parts: readonly WordPart[], tag: 'del' | 'ins'): (string | HTMLElement)[] {
  return parts.map((part) => (part.changed && part.text.trim() !== '' ? h(tag, {}, part.text) : part.text));
}

/** `candidate` is the words at the best place found in the current text, if any. */
export function reviewCard(annotation: Annotation, candidate: string | undefined, actions: ReviewActions): HTMLElement {
  const { id } = annotation;
  const was = annotation.target.quote.exact;
  const confidence = annotation.review?.candidate?.confidence ?? annotation.review?.confidence ?? 0;
  const changes = candidate === undefined ? null : wordChanges(was, candidate);
  const accept = h('button', { type: 'button', class: 'primary' }, 'Accept');
  accept.addEventListener('click', () => actions.acceptCandidate(id));
  const attach = h('button', { type: 'button' }, 'Attach to selection');
  attach.addEventListener('click', () => actions.attachSelection(id));
  const remove = h('button', { type: 'button', class: 'link danger' }, 'Delete');
  remove.addEventListener('click', () => actions.remove(id));
  return h(
    'li',
    { class: `highlight-card review-card color-${annotation.color}`, 'data-id': id },
    h(
      'div',
      { class: 'review-compare' },
      h('div', { class: 'review-old' }, h('span', { class: 'review-label' }, 'You highlighted'), h('p', {}, ...(changes === null ? [was] : marked(changes.before, 'del')))),
      changes === null
        ? h('div', { class: 'review-none' }, h('span', { class: 'review-label' }, 'Now'), h('p', {}, 'Margin found nothing like it in this version.'))
        : h('div', { class: 'review-candidate' }, h('span', { class: 'review-label' }, `Now reads (${Math.round(confidence * 100)}% sure)`), h('p', {}, ...marked(changes.after, 'ins'))),
    ),
    annotation.note.trim() === '' ? null : h('div', { class: 'card-note' }, renderNote(annotation.note)),
    h('div', { class: 'card-actions' }, candidate === undefined ? null : accept, attach, remove),
  );
}
