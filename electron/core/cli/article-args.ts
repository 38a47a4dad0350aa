// The arguments of the CLI commands that do to an article what the app does: move it between
// reading, archive and trash, and change its tags.
import { z } from 'zod';
import { TagSchema } from '../../shared/model';

export const ARTICLE_COMMANDS = ['archive', 'trash', 'unarchive', 'tag', 'untag'] as const;
export type ArticleCommandName = (typeof ARTICLE_COMMANDS)[number];

export const ARTICLE_USAGE = `  archive ID | trash ID | unarchive ID [--json]
                                 move an article as the app does (unarchive: from the archive,
                                 back to reading; from the trash, back where it was, as the
                                 app's Restore; restore FILE is for a backup)
  tag ID TAG... | untag ID TAG... [--json]
                                 add or remove the article's own tags`;

const ID_ERROR = { error: 'An article id looks like 3f2b1c9e-…; run `margin list` to see them.' };
const Id = z.uuid(ID_ERROR);
/** A tag as typed in a terminal, where a leading # is habit. */
export const TypedTag = z.string().transform((tag) => tag.replace(/^#/u, '')).pipe(TagSchema);

const tagsOf = (name: 'tag' | 'untag') =>
  z.array(TypedTag).min(1, { error: `${name} needs an ID and at least one TAG.` }).max(100, { error: 'An article takes at most 100 tags.' });

export const articleCommandSchemas = [
  z.object({ command: z.literal('archive'), id: Id, json: z.boolean() }),
  z.object({ command: z.literal('trash'), id: Id, json: z.boolean() }),
  z.object({ command: z.literal('unarchive'), id: Id, json: z.boolean() }),
  z.object({ command: z.literal('tag'), id: Id, tags: tagsOf('tag'), json: z.boolean() }),
  z.object({ command: z.literal('untag'), id: Id, tags: tagsOf('untag'), json: z.boolean() }),
] as const;

/** What parseArgs gave, in the shape the schemas above read. */
export function articleCommandFields(name: ArticleCommandName, positionals: readonly string[], json: boolean): Record<string, unknown> {
  const [id, ...tags] = positionals;
  return name === 'tag' || name === 'untag' ? { command: name, id, tags, json } : { command: name, id, json };
}
