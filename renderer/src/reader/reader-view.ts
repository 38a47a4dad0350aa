// Shows one article: headline, byline and source, its tags and the way to import it again, then
// the sanitized body in the article's own language and direction.
import { articleSource, type ArticleView } from '../../../electron/shared/model';
import { h } from '../dom';
import { followInPageLinks } from './in-page-links';
import { UNDO_PASSES_THROUGH, parseTags, passUndoThrough, tagEditBetween, type TagEdit } from './tag-field';
import { sanitizeToFragment } from './sanitize';
import { TextMap } from './text-offsets';

export interface RenderedArticle {
  body: HTMLElement;
  /** The body's textContent: what every selector counts in. */
  text: string;
  /** Offsets in that text to and from points in the body. */
  map: TextMap;
  /** Shows the article's tags as they are now (after an undo, say). */
  showTags(tags: string[]): void;
  /** Puts the focus in the article's tags field. */
  focusTags(): boolean;
}

export interface ArticleHeaderActions {
  editTags(edit: TagEdit): void;
  reimport(): void;
}

/** The tags with a separator after them, ready for the next. */
const open = (tags: string[]) => (tags.length === 0 ? '' : `${tags.join(', ')}, `);

function tagsLine(initial: string[], actions: ArticleHeaderActions): { input: HTMLInputElement; show(tags: string[]): void } {
  let tags = initial;
  const input = h('input', { type: 'text', class: 'article-tags-input', value: tags.join(', '), placeholder: 'Add tags, separated by commas', 'aria-label': 'Article tags' });
  const commit = () => {
    const next = parseTags(input.value);
    if (next.join(',') === tags.join(',')) return;
    const edit = tagEditBetween(tags, next);
    tags = next;
    actions.editTags(edit);
  };
  input.addEventListener('change', commit);
  // Enter takes the tags and leaves the field open for the next one; Escape leaves it as it was.
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      commit();
      input.value = open(tags);
      passUndoThrough(input, true);
    } else if (event.key === 'Escape') {
      input.value = tags.join(', ');
      input.blur();
    }
  });
  input.addEventListener('input', () => passUndoThrough(input, false));
  input.addEventListener('blur', () => {
    input.value = tags.join(', ');
    passUndoThrough(input, false);
  });
  const show = (now: string[]) => {
    tags = now;
    // Never under the person's typing: while they type, the field shows the stored tags once they leave it.
    if (document.activeElement !== input) input.value = now.join(', ');
    else if (input.hasAttribute(UNDO_PASSES_THROUGH)) input.value = open(now);
  };
  return { input, show };
}

export function renderArticle(container: HTMLElement, view: ArticleView, actions: ArticleHeaderActions): RenderedArticle {
  const { meta } = view;
  const source = articleSource(meta);
  const body = h('div', { class: 'article-body', id: 'article-body' });
  body.append(sanitizeToFragment(view.html));
  followInPageLinks(body);
  const words = meta.wordCount;
  const tags = tagsLine(meta.tags, actions);
  const reimport = h('button', { type: 'button', class: 'link', title: 'Import this article again from where it came from, keeping your highlights' }, 'Import again');
  reimport.addEventListener('click', () => actions.reimport());
  container.replaceChildren(
    h(
      'article',
      { class: 'article', lang: meta.language ?? 'en', dir: meta.direction ?? 'auto' },
      h(
        'header',
        { class: 'article-header' },
        h('h1', { class: 'headline' }, meta.title),
        meta.byline === null ? null : h('p', { class: 'byline' }, meta.byline),
        h(
          'p',
          { class: 'article-info' },
          [source, `${words.toLocaleString()} words`, `about ${Math.max(1, Math.round(words / 230))} min read`, meta.revision > 1 ? `version ${meta.revision}` : null]
            .filter((part) => part !== null)
            .join(' · '),
        ),
        h('div', { class: 'article-tools', dir: 'ltr' }, tags.input, meta.sourceUrl !== null || meta.sourcePath !== null ? reimport : null),
      ),
      body,
    ),
  );
  container.scrollTop = 0;
  const focusTags = () => (tags.input.focus(), true);
  return { body, text: body.textContent ?? '', map: new TextMap(body), showTags: tags.show, focusTags };
}
