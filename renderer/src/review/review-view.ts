// The Review: a few highlights from the whole library each day, chosen by the main process (the
// same ones all day), each with feedback that spaces its next showing and a way back into its
// article at the passage. A modal dialog, so it takes the keyboard while open: its keys are rows
// of the app's one shortcut table (`shortcuts`), which the dialog dispatches itself since the
// app leaves keys typed in dialogs alone.
import type { ReviewCard, ReviewDay, ReviewFeedback } from '../../../electron/shared/daily-review';
import { MAX_REVIEW_PER_DAY, MIN_REVIEW_PER_DAY } from '../../../electron/shared/daily-review';
import { call, margin } from '../bridge';
import { h } from '../dom';
import { handleShortcut, type Shortcut } from '../shell/shortcuts';
import { FEEDBACK_CHOICES, feedbackSentence, reviewCardElement } from './review-card';

export interface ReviewActions {
  /** Opens an article scrolled to a passage. */
  openArticle(articleId: string, at: { start: number; end: number }): void;
}

const NOTHING_YET =
  'Nothing to review yet. Select a passage in an article and press h (or pick a colour in the toolbar) to highlight it: your highlights come back here, a few each day.';

export class ReviewView {
  readonly element: HTMLDialogElement;
  /** The Review's keys, for the app's shortcut table: each applies only while the Review is open. */
  readonly shortcuts: Shortcut[];
  /** Says what a feedback did, for screen readers (the card says it too, but it is drawn anew). */
  private readonly live = h('p', { class: 'visually-hidden', role: 'status' });
  private readonly summary = h('p', { class: 'review-summary', id: 'review-summary' });
  private readonly list = h('ol', { class: 'review-list', 'aria-label': 'Highlights to review' });
  private readonly perDay = h('input', { type: 'number', min: String(MIN_REVIEW_PER_DAY), max: String(MAX_REVIEW_PER_DAY), step: '1', class: 'review-per-day', id: 'review-per-day' });
  private day: ReviewDay | null = null;
  /** The number a day last sent and not yet answered, so Enter then leaving the field asks once. */
  private asked: number | null = null;
  private generation = 0;

  constructor(private readonly actions: ReviewActions) {
    const close = h('button', { type: 'button', class: 'review-close' }, 'Close');
    this.element = h(
      'dialog',
      { class: 'review-dialog', 'aria-labelledby': 'review-title', 'aria-describedby': 'review-summary' },
      h(
        'header',
        { class: 'review-header' },
        h('h2', { id: 'review-title' }, 'Review'),
        h('label', { class: 'review-setting', for: 'review-per-day' }, 'Highlights a day '),
        this.perDay,
        close,
      ),
      this.summary,
      this.list,
      this.live,
    );
    close.addEventListener('click', () => this.element.close());
    // Applied when the person settles on a number, not on each spinner step: every request adds
    // highlights to today (a raise) or takes them back (a fall), so stepping must not.
    this.perDay.addEventListener('keydown', (event) => {
      if (event.key !== 'Enter') return;
      event.preventDefault();
      void this.setPerDay();
    });
    this.perDay.addEventListener('blur', () => void this.setPerDay());
    this.shortcuts = [
      ...FEEDBACK_CHOICES.map((choice) => ({
        keys: [choice.key],
        label: `In the Review: ${choice.label} (${choice.hint})`,
        run: () => this.markCurrent(choice.feedback),
      })),
      { keys: ['o'], label: 'In the Review: open the highlight in its article', run: () => this.openCurrent() },
    ];
    this.element.addEventListener('keydown', (event) => {
      const typing = event.target instanceof HTMLElement && event.target.closest('input, textarea') !== null;
      if (typing || event.repeat || event.ctrlKey || event.metaKey || event.altKey) return;
      if (handleShortcut(this.shortcuts, event)) event.preventDefault();
    });
  }

  get isOpen(): boolean {
    return this.element.open;
  }

  /** Opens the Review on today's highlights. */
  show(): boolean {
    if (!this.element.open) this.element.showModal();
    this.summary.textContent = 'Finding today’s highlights…';
    this.list.replaceChildren();
    void this.load(margin().openReview({}));
    return true;
  }

  private async load(request: ReturnType<ReturnType<typeof margin>['openReview']>): Promise<void> {
    const generation = ++this.generation;
    const day = await call(request);
    if (generation !== this.generation || day === null) return;
    this.day = day;
    this.render();
    this.focusCard(this.nextUnmarked(-1));
  }

  private async setPerDay(): Promise<void> {
    const perDay = Number(this.perDay.value);
    if (!Number.isInteger(perDay) || perDay < MIN_REVIEW_PER_DAY || perDay > MAX_REVIEW_PER_DAY) {
      this.summary.textContent = `Choose a number of highlights from ${MIN_REVIEW_PER_DAY} to ${MAX_REVIEW_PER_DAY}.`;
      return;
    }
    if (this.day === null || perDay === (this.asked ?? this.day.perDay)) return;
    this.asked = perDay;
    const generation = ++this.generation;
    const day = await call(margin().setReviewPerDay({ perDay }));
    if (this.asked === perDay) this.asked = null;
    if (generation !== this.generation || day === null) return;
    this.day = day;
    this.render();
  }

  private render(): void {
    const day = this.day;
    if (day === null) return;
    this.perDay.value = String(day.perDay);
    const { cards } = day;
    if (cards.length === 0) this.summary.textContent = day.inReview === 0 ? NOTHING_YET : `Nothing to review today${day.nextDue === null ? '.' : `: the next highlights come back on ${day.nextDue}.`}`;
    else {
      const left = cards.filter((card) => card.feedback === null).length;
      this.summary.textContent = `${cards.length} highlight${cards.length === 1 ? '' : 's'} from your library for today${left === cards.length ? '' : `, ${left} still to review`}. Keys 1 to 4 give feedback, o opens the article.`;
    }
    this.list.replaceChildren(...cards.map((card, index) => reviewCardElement(card, index, cards.length, { mark: (c, f) => void this.mark(c, f), openInArticle: (c) => this.open(c) })));
  }

  private async mark(card: ReviewCard, feedback: ReviewFeedback): Promise<void> {
    const saved = await call(margin().markReview({ id: card.id, feedback }));
    const day = this.day;
    if (saved === null || day === null) return;
    this.day = { ...day, cards: day.cards.map((c) => (c.id === saved.id ? saved : c)) };
    const at = this.day.cards.findIndex((c) => c.id === saved.id);
    this.render();
    const next = this.nextUnmarked(at);
    if (next !== -1) this.focusCard(next);
    else this.focusWithin(at, `[data-feedback="${feedback}"]`);
    this.live.textContent = feedbackSentence(saved);
  }

  private open(card: ReviewCard): void {
    this.element.close();
    this.actions.openArticle(card.articleId, { start: card.start, end: card.end });
  }

  /** The card the person is on: the one holding focus, else the first without feedback. */
  private current(): ReviewCard | null {
    const cards = this.day?.cards ?? [];
    const holder = document.activeElement instanceof HTMLElement ? document.activeElement.closest<HTMLElement>('.review-card') : null;
    const id = holder?.dataset.highlight;
    return cards.find((card) => card.id === id) ?? cards[this.nextUnmarked(-1)] ?? null;
  }

  private markCurrent(feedback: ReviewFeedback): boolean {
    const card = this.isOpen ? this.current() : null;
    if (card === null) return false;
    void this.mark(card, feedback);
    return true;
  }

  private openCurrent(): boolean {
    const card = this.isOpen ? this.current() : null;
    if (card === null) return false;
    this.open(card);
    return true;
  }

  /** The first card after `after` without feedback today (wrapping round), or -1. */
  private nextUnmarked(after: number): number {
    const cards = this.day?.cards ?? [];
    for (let step = 1; step <= cards.length; step++) {
      const index = (after + step) % cards.length;
      if (cards[index]?.feedback === null) return index;
    }
    return -1;
  }

  private focusCard(index: number): void {
    this.focusWithin(index === -1 ? 0 : index, '.review-feedback');
  }

  private focusWithin(index: number, selector: string): void {
    const target = this.list.children[index]?.querySelector<HTMLElement>(selector) ?? this.element.querySelector<HTMLElement>('.review-close');
    target?.focus();
  }
}
