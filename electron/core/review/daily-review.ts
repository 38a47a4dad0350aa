// The daily highlight review over a library: gathers the highlights that may be reviewed, asks
// the schedule for the day's, remembers them in review.json and takes the person's feedback.
// The app opens the day (which remembers it); the CLI previews it (which writes nothing and
// shows the same highlights, since the schedule is a pure function of the same inputs).
import type { ReviewCard, ReviewDay, ReviewFeedback } from '../../shared/daily-review';
import type { Annotation } from '../../shared/model';
import { UserError } from '../errors';
import type { Library } from '../library/library';
import type { StoredDocument } from '../library/stored-document';
import { openReviewFile, type ReviewFile } from './review-file';
import { nextDueDay, pickForDay, shownOn, withFeedback, type ReviewEntry } from './schedule';

interface Candidate {
  annotation: Annotation;
  title: string;
}

/** What the library holds now, as the review needs it. */
export interface ReviewSources {
  /** Highlights that may be shown: in articles not in the trash, placed in their text (not left for review after a revision). */
  pool: Map<string, Candidate>;
  /** Every highlight of the articles read, whether in the pool or not. */
  existing: Set<string>;
  /** Articles whose highlights were not read (in the trash, or a file Margin could not read or count): their entries are kept as they are. */
  unread: Set<string>;
  /** Every article in the library. */
  articles: Set<string>;
}

export async function gatherSources(library: Library): Promise<ReviewSources> {
  const stats = await library.annotationStats();
  const sources: ReviewSources = { pool: new Map(), existing: new Set(), unread: new Set(), articles: new Set() };
  for (const meta of library.articles()) {
    sources.articles.add(meta.id);
    if (meta.state === 'trash') {
      sources.unread.add(meta.id);
      continue;
    }
    const count = stats.get(meta.id)?.count;
    // Left out of the counts: its highlights file is damaged beyond repair, so nothing is known of its highlights.
    if (count === undefined) {
      sources.unread.add(meta.id);
      continue;
    }
    if (count === 0) continue;
    let annotations: Annotation[];
    try {
      annotations = await library.annotations(meta.id);
    } catch (error) {
      // A highlights file damaged beyond repair was already reported by the library; the review goes on without it.
      if (!(error instanceof UserError)) throw error;
      sources.unread.add(meta.id);
      continue;
    }
    for (const annotation of annotations) {
      sources.existing.add(annotation.id);
      if (annotation.review === null) sources.pool.set(annotation.id, { annotation, title: meta.title });
    }
  }
  return sources;
}

/**
 * The file as it stands on `day`: entries of deleted highlights dropped, and the day's highlights
 * chosen (and marked shown) the first time the day is asked for; `extra` more when the person
 * asked for more a day.
 */
export function settleDay(file: ReviewFile, day: string, sources: ReviewSources, extra = 0): ReviewFile {
  const highlights: Record<string, ReviewEntry> = {};
  for (const [id, entry] of Object.entries(file.highlights)) {
    const kept = sources.unread.has(entry.articleId) ? sources.articles.has(entry.articleId) : sources.existing.has(id);
    if (kept) highlights[id] = entry;
  }
  const pool = [...sources.pool.keys()];
  const sameDay = file.today?.day === day;
  const earlier = sameDay ? (file.today?.ids ?? []).filter((id) => sources.pool.has(id)) : [];
  const before: Record<string, ReviewEntry | null> = {};
  const earlierBefore = file.today?.before ?? {};
  for (const id of earlier) {
    const entry = earlierBefore[id];
    if (entry !== undefined) before[id] = entry;
  }
  const wanted = sameDay ? extra : file.perDay;
  const added = wanted > 0 ? pickForDay(pool, highlights, day, wanted) : [];
  for (const id of added) {
    const candidate = sources.pool.get(id);
    if (candidate === undefined) continue;
    before[id] = highlights[id] ?? null;
    highlights[id] = shownOn(highlights[id], candidate.annotation.articleId, day);
  }
  return { ...file, today: { day, ids: [...earlier, ...added], before }, highlights };
}

/**
 * The file with the day's highlights cut down to `perDay`: the latest chosen without feedback go
 * first, each given back the schedule it had before the day chose it. Highlights the person gave
 * feedback on stay, and so do ones chosen with no schedule recorded to give back.
 */
export function loweredDay(file: ReviewFile, day: string, perDay: number): ReviewFile {
  const today = file.today;
  if (today?.day !== day || today.ids.length <= perDay) return file;
  const ids = [...today.ids];
  const before = { ...today.before };
  const highlights = { ...file.highlights };
  for (let i = ids.length - 1; i >= 0 && ids.length > perDay; i--) {
    const id = ids[i] ?? '';
    const entry = highlights[id];
    const previous = before[id];
    if (previous === undefined || entry === undefined || entry.shown !== day || entry.feedback !== null) continue;
    ids.splice(i, 1);
    delete before[id];
    if (previous === null) delete highlights[id];
    else highlights[id] = previous;
  }
  return { ...file, today: { day, ids, before }, highlights };
}

function cardOf(candidate: Candidate, entry: ReviewEntry | undefined): ReviewCard {
  const { annotation, title } = candidate;
  return {
    id: annotation.id,
    articleId: annotation.articleId,
    title,
    quote: annotation.target.quote.exact,
    note: annotation.note,
    color: annotation.color,
    tags: annotation.tags,
    start: annotation.target.position.start,
    end: annotation.target.position.end,
    feedback: entry?.feedback ?? null,
    due: entry?.due ?? null,
  };
}

export function dayOf(file: ReviewFile, day: string, sources: ReviewSources): ReviewDay {
  const ids = file.today?.day === day ? file.today.ids : [];
  const cards = ids.flatMap((id) => {
    const candidate = sources.pool.get(id);
    return candidate === undefined ? [] : [cardOf(candidate, file.highlights[id])];
  });
  const chosen = new Set(ids);
  const pool = [...sources.pool.keys()];
  const inReview = pool.filter((id) => file.highlights[id]?.feedback !== 'discard').length;
  return { day, perDay: file.perDay, cards, inReview, nextDue: nextDueDay(pool.filter((id) => !chosen.has(id)), file.highlights, day) };
}

const same = (a: ReviewFile, b: ReviewFile) => JSON.stringify(a) === JSON.stringify(b);

export class DailyReview {
  private doc: Promise<StoredDocument<ReviewFile>> | null = null;

  constructor(private readonly library: Library) {}

  /** The day's review, choosing and remembering its highlights the first time it is opened that day. */
  async open(day: string): Promise<ReviewDay> {
    return this.settled(day, 0);
  }

  /** The day's review as `open` would show it, writing nothing (the CLI, which may run while the app is open). */
  async preview(day: string): Promise<ReviewDay> {
    const doc = await this.file();
    await doc.refresh();
    const sources = await gatherSources(this.library);
    return dayOf(settleDay(doc.data, day, sources), day, sources);
  }

  /** Records what the person said about one of the day's highlights; answers with its card. */
  async mark(id: string, feedback: ReviewFeedback, day: string): Promise<ReviewCard> {
    const doc = await this.file();
    const sources = await gatherSources(this.library);
    const candidate = sources.pool.get(id);
    if (candidate === undefined) throw new UserError('That highlight is no longer in the library.');
    const file = await this.library.change(() =>
      doc.update((current) => {
        const entry = current.highlights[id];
        if (entry === undefined || entry.shown !== day || current.today?.day !== day || !current.today.ids.includes(id)) {
          throw new UserError('That highlight is not in today’s review; open the review again.');
        }
        return { ...current, highlights: { ...current.highlights, [id]: withFeedback(entry, feedback) } };
      }),
    );
    return cardOf(candidate, file.highlights[id]);
  }

  /**
   * How many highlights a day; a larger number adds highlights to today's at once, a smaller one
   * takes back today's highlights without feedback, as if they had not been shown.
   */
  async setPerDay(perDay: number, day: string): Promise<ReviewDay> {
    const doc = await this.file();
    await doc.refresh();
    await this.library.change(() => doc.update((current) => loweredDay({ ...current, perDay }, day, perDay)));
    const shown = doc.data.today?.day === day ? doc.data.today.ids.length : perDay;
    return this.settled(day, Math.max(0, perDay - shown));
  }

  private async settled(day: string, extra: number): Promise<ReviewDay> {
    const doc = await this.file();
    await doc.refresh();
    let sources = await gatherSources(this.library);
    if (!same(settleDay(doc.data, day, sources, extra), doc.data)) {
      await this.library.change(async () => {
        // Read again under the lock: the library may have changed while it was gathered.
        sources = await gatherSources(this.library);
        await doc.update((current) => settleDay(current, day, sources, extra));
      });
    }
    return dayOf(doc.data, day, sources);
  }

  private file(): Promise<StoredDocument<ReviewFile>> {
    this.doc ??= openReviewFile(this.library).catch((error: unknown) => {
      this.doc = null;
      throw error;
    });
    return this.doc;
  }
}
