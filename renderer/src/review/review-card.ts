// One highlight in the Review: its quote and note, the article it comes from, its colour, the
// feedback buttons (the one given today pressed) and "Open in article".
import type { ReviewCard, ReviewFeedback } from '../../../electron/shared/daily-review';
import { h } from '../dom';

export const FEEDBACK_CHOICES: { feedback: ReviewFeedback; key: string; label: string; hint: string }[] = [
  { feedback: 'keep', key: '1', label: 'Keep', hint: 'comes back later each time' },
  { feedback: 'soon', key: '2', label: 'Soon', hint: 'comes back in a few days' },
  { feedback: 'later', key: '3', label: 'Later', hint: 'comes back in a month or more' },
  { feedback: 'discard', key: '4', label: 'Discard', hint: 'leaves the review; the highlight stays' },
];

const SAID: Record<ReviewFeedback, string> = { keep: 'Kept', soon: 'Soon', later: 'Later', discard: 'Discarded' };

/** What the card says about the feedback given, for sight and for screen readers alike. */
export function feedbackSentence(card: ReviewCard): string {
  if (card.feedback === null) return '';
  if (card.feedback === 'discard') return 'Discarded: it will not come back in the review.';
  return `${SAID[card.feedback]}: back on ${card.due ?? 'a later day'}.`;
}

export interface CardActions {
  mark(card: ReviewCard, feedback: ReviewFeedback): void;
  openInArticle(card: ReviewCard): void;
}

export function reviewCardElement(card: ReviewCard, index: number, total: number, actions: CardActions): HTMLLIElement {
  const titleId = `review-card-${card.id}-title`;
  const buttons = FEEDBACK_CHOICES.map((choice) => {
    const button = h(
      'button',
      {
        type: 'button',
        class: 'review-feedback',
        'data-feedback': choice.feedback,
        'aria-pressed': String(card.feedback === choice.feedback),
        'aria-keyshortcuts': choice.key,
        title: `${choice.label} (${choice.key}): ${choice.hint}`,
      },
      choice.label,
    );
    button.addEventListener('click', () => actions.mark(card, choice.feedback));
    return button;
  });
  const open = h('button', { type: 'button', class: 'review-open', 'aria-keyshortcuts': 'o' }, 'Open in article');
  open.addEventListener('click', () => actions.openInArticle(card));
  return h(
    'li',
    { class: `review-card review-${card.color}`, 'data-highlight': card.id, 'aria-labelledby': titleId },
    h('p', { class: 'review-source', id: titleId }, `${index + 1} of ${total}: from “${card.title}”`, h('span', { class: 'visually-hidden' }, `, ${card.color} highlight`)),
    h('blockquote', { class: 'review-quote' }, card.quote),
    card.note === '' ? null : h('p', { class: 'review-note' }, h('span', { class: 'review-note-label' }, 'Note: '), card.note),
    card.tags.length === 0 ? null : h('p', { class: 'review-tags' }, card.tags.map((tag) => `#${tag}`).join(' ')),
    h('div', { class: 'review-actions' }, h('div', { class: 'review-feedback-group', role: 'group', 'aria-label': 'When should it come back?' }, ...buttons), open),
    h('p', { class: 'review-said' }, feedbackSentence(card)),
  );
}
