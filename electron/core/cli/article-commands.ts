// The CLI commands that do to an article what the app does: the same library call the app's
// article:update makes, so state, trashedAt and tags change exactly as they do there.
import type { ArticleMeta, ArticleState } from '../../shared/model';
import { UserError } from '../errors';
import type { Library } from '../library/library';
import type { ArticleCommandName } from './article-args';

export type ArticleCommand =
  | { command: 'archive' | 'trash' | 'unarchive'; id: string; json: boolean }
  | { command: 'tag' | 'untag'; id: string; tags: string[]; json: boolean };

export interface ArticleCommandIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

/** The same cap the app's article:update takes. */
const MAX_ARTICLE_TAGS = 100;

/**
 * Where the command puts the article. Out of the trash, unarchive puts it back where it was, as the
 * app's Restore does (reading when that was not kept); from anywhere else, back to reading.
 */
function stateFor(command: 'archive' | 'trash' | 'unarchive', before: ArticleMeta): ArticleState {
  if (command === 'archive') return 'archived';
  if (command === 'trash') return 'trash';
  return before.state === 'trash' ? (before.trashedFrom ?? 'reading') : 'reading';
}

function sentence(command: ArticleCommandName, meta: ArticleMeta): string {
  const title = `“${meta.title}”`;
  switch (command) {
    case 'archive':
      return `Archived ${title}.`;
    case 'trash':
      return `Moved ${title} to the trash.`;
    case 'unarchive':
      return meta.state === 'archived' ? `${title} is back in the archive.` : `${title} is back in the reading list.`;
    case 'tag':
    case 'untag':
      return meta.tags.length === 0 ? `${title} has no tags.` : `${title} is tagged ${meta.tags.map((tag) => `#${tag}`).join(' ')}.`;
  }
}

export async function runArticleCommand(library: Library, command: ArticleCommand, io: ArticleCommandIo): Promise<void> {
  const before = library.meta(command.id);
  let after: ArticleMeta;
  if (command.command === 'tag' || command.command === 'untag') {
    const absent = command.command === 'untag' ? command.tags.filter((tag) => !before.tags.includes(tag)) : [];
    const tags = command.command === 'tag' ? [...new Set([...before.tags, ...command.tags])] : before.tags.filter((tag) => !command.tags.includes(tag));
    if (tags.length > MAX_ARTICLE_TAGS) throw new UserError(`An article takes at most ${MAX_ARTICLE_TAGS} tags.`);
    const same = tags.length === before.tags.length && tags.every((tag, index) => tag === before.tags[index]);
    after = same ? before : await library.updateArticle(command.id, { tags });
    if (absent.length > 0) io.err(`“${before.title}” had no tag ${absent.map((tag) => `#${tag}`).join(' ')}.\n`);
  } else {
    after = await library.updateArticle(command.id, { state: stateFor(command.command, before) });
  }
  const value = { id: after.id, title: after.title, state: after.state, tags: after.tags };
  io.out(command.json ? `${JSON.stringify(value, null, 2)}\n` : `${sentence(command.command, after)}\n`);
}
