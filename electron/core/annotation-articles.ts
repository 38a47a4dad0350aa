// Decides which article of this library the annotations of an imported file belong to. A file
// made in another library names its articles by ids this one does not have, so an article is
// looked for by its Margin id, else its web address, else the fingerprint of its text written
// into the export, else by the annotations' own quotes. The annotations a file gives one article
// travel together: a group is matched as a whole, never split across articles, and when more than
// one article fits, none is guessed (the person is told, and chooses).
import { quoteFinder } from '../shared/anchoring';
import type { ArticleMeta } from '../shared/model';
import { textFingerprint } from './export/text-fingerprint';
import type { AnnotationDraft } from './import/web-annotation-import';
import type { Library } from './library/library';

export type ArticleMatch = { kind: 'found'; meta: ArticleMeta } | { kind: 'ambiguous'; candidates: readonly ArticleMeta[] } | { kind: 'missing' };

export interface DraftGroup {
  drafts: AnnotationDraft[];
  match: ArticleMatch;
}

interface Pending {
  drafts: AnnotationDraft[];
  /** Articles already narrowed to (several sharing the file's web address); null: all of them. */
  among: Set<string> | null;
  byFingerprint: ArticleMeta[];
  bestQuotes: number;
  best: ArticleMeta[];
}

/** The drafts of one article of the file: same article id, source and fingerprint. */
function groupDrafts(drafts: readonly AnnotationDraft[]): AnnotationDraft[][] {
  const groups = new Map<string, AnnotationDraft[]>();
  for (const draft of drafts) {
    const key = JSON.stringify([draft.articleId, draft.source, draft.textSha256]);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [draft]);
    else group.push(draft);
  }
  return [...groups.values()];
}

/** By id or address alone, from the library's list: no article text needed. */
function matchByName(articles: readonly ArticleMeta[], draft: AnnotationDraft): ArticleMatch | Set<string> | null {
  const byId = draft.articleId === null ? undefined : articles.find((meta) => meta.id === draft.articleId);
  if (byId !== undefined) return { kind: 'found', meta: byId };
  if (draft.sourceUrl === null) return null;
  const byUrl = articles.filter((meta) => meta.sourceUrl === draft.sourceUrl);
  if (byUrl.length === 1 && byUrl[0] !== undefined) return { kind: 'found', meta: byUrl[0] };
  // Several copies of one page: the text decides among them.
  return byUrl.length > 1 ? new Set(byUrl.map((meta) => meta.id)) : null;
}

function quotesIn(holdsQuote: (quote: string) => boolean, drafts: readonly AnnotationDraft[]): number {
  return drafts.filter((draft) => holdsQuote(draft.quote.exact)).length;
}

/**
 * One article, or several to choose from. A copy the person put in the trash does not compete
 * with one they keep: attaching there would hide the highlights.
 */
function oneOf(candidates: readonly ArticleMeta[]): ArticleMatch {
  const kept = candidates.filter((meta) => meta.state !== 'trash');
  const choice = kept.length > 0 ? kept : candidates;
  const [only] = choice;
  return choice.length === 1 && only !== undefined ? { kind: 'found', meta: only } : { kind: 'ambiguous', candidates: choice };
}

function decide(pending: Pending, metas: ReadonlyMap<string, ArticleMeta>): ArticleMatch {
  if (pending.byFingerprint.length > 0) return oneOf(pending.byFingerprint);
  if (pending.bestQuotes > 0) return oneOf(pending.best);
  if (pending.among !== null) return oneOf([...pending.among].flatMap((id) => metas.get(id) ?? []));
  return { kind: 'missing' };
}

/**
 * Groups the drafts by the article they came from and finds that article here. Article texts
 * are read only when a group is not found by id or address, and then in one pass for all groups.
 */
export async function matchDraftsToArticles(library: Library, drafts: readonly AnnotationDraft[]): Promise<DraftGroup[]> {
  const articles = library.articles();
  // In the file's order, so what is reported follows the file.
  const slots: (DraftGroup | Pending)[] = [];
  const pending: Pending[] = [];
  for (const group of groupDrafts(drafts)) {
    const [first] = group;
    if (first === undefined) continue;
    const named = matchByName(articles, first);
    if (named !== null && !(named instanceof Set)) {
      slots.push({ drafts: group, match: named });
      continue;
    }
    const open: Pending = { drafts: group, among: named, byFingerprint: [], bestQuotes: 0, best: [] };
    pending.push(open);
    slots.push(open);
  }
  if (pending.length > 0) {
    for (const meta of articles) {
      const { text } = await library.content(meta.id);
      const fingerprint = textFingerprint(text);
      const holdsQuote = quoteFinder(text);
      for (const group of pending) {
        if (group.among !== null && !group.among.has(meta.id)) continue;
        if (group.drafts[0]?.textSha256 === fingerprint) group.byFingerprint.push(meta);
        if (group.byFingerprint.length > 0) continue;
        const found = quotesIn(holdsQuote, group.drafts);
        if (found > group.bestQuotes) {
          group.bestQuotes = found;
          group.best = [meta];
        } else if (found > 0 && found === group.bestQuotes) {
          group.best.push(meta);
        }
      }
    }
  }
  const metas = new Map(articles.map((meta) => [meta.id, meta]));
  return slots.map((slot) => ('match' in slot ? slot : { drafts: slot.drafts, match: decide(slot, metas) }));
}
