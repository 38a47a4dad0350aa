// A new revision that changes the words inside a highlight never rewrites the highlight behind
// the person's back: it keeps the words they chose, points at the new passage, and waits for
// review. A highlight whose words are all still there, only elsewhere, is carried silently.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHandlers } from '../../electron/core/handlers';
import { importPlainText } from '../../electron/core/import/import-file';
import { Library } from '../../electron/core/library/library';
import { describeSpan } from '../../electron/shared/anchoring';
import { tempDir } from './support/temp-dir';
import { margin, marginJson as json } from './support/margin-cli';

const ARTICLE = [
  'Fire on Dock Street',
  '',
  'A fire broke out in a warehouse on Dock Street late on Friday, forcing the evacuation of two apartment blocks nearby.',
  '',
  'Firefighters kept the flames away from the timber yard next door until the early hours.',
].join('\n');

interface Row {
  quote: string;
  status: string;
  confidence: number;
  needsReview: boolean;
  start: number;
  end: number;
}

describe('a highlight whose own words changed in a new revision', () => {
  it('keeps the old words, is marked fuzzy below full confidence and waits for review; moved words are carried silently', async () => {
    const dataDir = await tempDir();
    const file = join(await tempDir(), 'dock-street.txt');
    await writeFile(file, ARTICLE);
    const { id } = await json<{ id: string }>(dataDir, 'import', file);
    await json(dataDir, 'highlight', id, '--quote', 'forcing the evacuation of two apartment blocks');
    await json(dataDir, 'highlight', id, '--quote', 'kept the flames away from the timber yard');

    await writeFile(file, ARTICLE.replace('Fire on Dock Street\n', 'Fire on Dock Street\n\nUpdated on Saturday morning.\n').replace('of two apartment', 'of three apartment'));
    const update = await margin(dataDir, 'import', file, '--update', id);
    expect(update.code).toBe(0);
    expect(update.out).toContain('(1 to review)');

    const rows = await json<Row[]>(dataDir, 'annotations', id);
    const changed = rows.find((r) => r.quote === 'forcing the evacuation of two apartment blocks');
    expect(changed).toMatchObject({ status: 'fuzzy', needsReview: true });
    expect(changed?.confidence).toBeGreaterThan(0);
    expect(changed?.confidence).toBeLessThan(1);
    // Its place is the new passage.
    const shown = await json<{ text: string }>(dataDir, 'show', id);
    expect(shown.text.slice(changed?.start, changed?.end)).toBe('forcing the evacuation of three apartment blocks');

    const moved = rows.find((r) => r.quote === 'kept the flames away from the timber yard');
    expect(moved).toMatchObject({ status: 'exact', confidence: 1, needsReview: false });
    expect(shown.text.slice(moved?.start, moved?.end)).toBe('kept the flames away from the timber yard');

    // The store holds the old words and the new place for the review card.
    const library = await Library.open(dataDir);
    const [stored] = (await library.annotations(id)).filter((a) => a.review !== null);
    expect(stored?.target.quote.exact).toBe('forcing the evacuation of two apartment blocks');
    expect(stored?.review).toMatchObject({ status: 'fuzzy', revision: 2 });
    const candidate = stored?.review?.candidate;
    expect(candidate).not.toBeNull();
    expect(shown.text.slice(candidate?.start, candidate?.end)).toBe('forcing the evacuation of three apartment blocks');
  });

  it('a highlight that differs only in a single character still goes to review', async () => {
    const dataDir = await tempDir();
    const file = join(await tempDir(), 'dock-street.txt');
    await writeFile(file, ARTICLE);
    const { id } = await json<{ id: string }>(dataDir, 'import', file);
    await json(dataDir, 'highlight', id, '--quote', 'kept the flames away from the timber yard');
    await writeFile(file, ARTICLE.replace('timber yard', 'timber-yard'));
    await margin(dataDir, 'import', file, '--update', id);
    const [row] = await json<Row[]>(dataDir, 'annotations', id);
    expect(row).toMatchObject({ quote: 'kept the flames away from the timber yard', status: 'fuzzy', needsReview: true });
    expect(row?.confidence).toBeLessThan(1);
  });
});

describe('taking back a review through the handler table', () => {
  it('an accept taken back waits for review again with the old words; a deleted one under review comes back under review', async () => {
    const dataDir = await tempDir();
    const library = await Library.open(dataDir);
    const article = await library.addArticle(importPlainText(ARTICLE, 'dock-street.txt'));
    const handlers = createHandlers(library, { chooseSavePath: async () => null, chooseImportFiles: async () => [], chooseFolder: async () => null, chooseOpenFile: async () => null });
    const { text } = await library.content(article.id);
    const at = text.indexOf('forcing the evacuation of two apartment blocks');
    const made = await library.addAnnotation(article.id, { color: 'yellow', note: '', target: describeSpan(text, at, at + 'forcing the evacuation of two apartment blocks'.length) });
    await library.addRevision(article.id, importPlainText(ARTICLE.replace('of two apartment', 'of three apartment'), 'dock-street.txt'));
    const [waiting] = await library.annotations(article.id);
    const candidate = waiting?.review?.candidate;
    if (waiting === undefined || candidate == null) throw new Error('expected a highlight under review');

    const newText = (await library.content(article.id)).text;
    const accepted = await handlers['annotation:update']({ articleId: article.id, id: made.id, target: describeSpan(newText, candidate.start, candidate.end), review: null });
    expect(accepted).toMatchObject({ ok: true, value: { review: null, target: { quote: { exact: 'forcing the evacuation of three apartment blocks' } } } });
    const back = await handlers['annotation:update']({ articleId: article.id, id: made.id, target: waiting.target, review: waiting.review });
    expect(back).toMatchObject({ ok: true, value: { review: waiting.review, target: waiting.target } });

    // Words not in the article are still refused for a highlight that is not under review.
    expect(await handlers['annotation:update']({ articleId: article.id, id: made.id, target: waiting.target, review: null })).toEqual({ ok: false, error: 'The highlighted text is not in this article.' });

    await handlers['annotation:delete']({ articleId: article.id, id: made.id });
    expect(await handlers['annotation:restore']({ annotation: waiting })).toMatchObject({ ok: true, value: { review: waiting.review } });
    expect(await library.annotations(article.id)).toEqual([expect.objectContaining({ id: made.id, review: waiting.review, target: waiting.target })]);
  });
});
