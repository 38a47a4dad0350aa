// Shows one article: headline, byline and source, then the sanitized body.
import { articleSource, type ArticleView } from '../../electron/shared/model';
import { h } from './dom';
import { sanitizeToFragment } from './sanitize';

export interface RenderedArticle {
  body: HTMLElement;
  /** The body's textContent: what every selector counts in. */
  text: string;
}

export function renderArticle(container: HTMLElement, view: ArticleView): RenderedArticle {
  const { meta } = view;
  const source = articleSource(meta);
  const body = h('div', { class: 'article-body', id: 'article-body' });
  body.append(sanitizeToFragment(view.html));
  const words = meta.wordCount;
  container.replaceChildren(
    h(
      'article',
      { class: 'article', lang: 'en' },
      h(
        'header',
        { class: 'article-header' },
        h('h1', { class: 'headline' }, meta.title),
        meta.byline === null ? null : h('p', { class: 'byline' }, meta.byline),
        h(
          'p',
          { class: 'article-info' },
          [source, `${words.toLocaleString()} words`, `about ${Math.max(1, Math.round(words / 230))} min read`]
            .filter((part) => part !== null)
            .join(' · '),
        ),
      ),
      body,
    ),
  );
  container.scrollTop = 0;
  return { body, text: body.textContent ?? '' };
}
