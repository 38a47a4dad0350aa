// `margin search` with phrases, left-out words, tag: and color:, typed as a person types them in a
// shell: a quoted phrase inside shell quotes, a left-out word as an argument of its own.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { USAGE } from '../../electron/core/cli/args';
import { margin, marginJson as json } from './support/margin-cli';
import { samplePath } from './support/paths';
import { tempDir } from './support/temp-dir';

interface Hit {
  articleId: string;
  matches: { kind: string; annotationId?: string; snippet: { match: string } }[];
}

describe('margin search with search syntax', () => {
  it('finds a phrase, leaves out words, and filters highlights by tag and colour', async () => {
    const dataDir = await tempDir();
    const { id: sample } = await json<{ id: string }>(dataDir, 'import', samplePath);
    const file = join(await tempDir(), 'weather.txt');
    await writeFile(file, 'Grey weather\n\nThe sky was grey all day, and the old shield over the door rattled in the wind.');
    const { id: weather } = await json<{ id: string }>(dataDir, 'import', file);
    await json(dataDir, 'highlight', sample, '--quote', 'our sky shield will eventually guarantee security', '--tag', 'europe', '--color', 'blue');
    await json(dataDir, 'highlight', sample, '--quote', 'the free city of Kupyansk', '--tag', 'europe');

    const ids = async (...query: string[]) => (await json<Hit[]>(dataDir, 'search', ...query)).map((hit) => hit.articleId).sort();
    expect(await ids('sky', 'shield')).toEqual([sample, weather].sort());
    expect(await ids('"sky shield"')).toEqual([sample]);
    expect(await ids('sky', 'shield', '-grey')).toEqual([sample]);
    expect(await ids('sky shield -"sky shield"')).toEqual([weather]);

    const tagged = await json<Hit[]>(dataDir, 'search', 'tag:europe');
    expect(tagged.map((hit) => hit.matches.map((match) => match.snippet.match))).toEqual([['the free city of Kupyansk', 'our sky shield will eventually guarantee security']]);
    const blue = await json<Hit[]>(dataDir, 'search', 'tag:europe', 'color:blue', '"sky shield"');
    expect(blue[0]?.matches).toMatchObject([{ kind: 'highlight', snippet: { match: 'sky shield' } }]);

    // The plain form marks the phrase; a left-out word as its own argument is not taken for an option.
    const plain = await margin(dataDir, 'search', '"sky shield"', '-grey');
    expect(plain.code).toBe(0);
    expect(plain.out).toMatch(/\[sky shield\] will eventually/u);
    // Half-typed syntax is no error.
    for (const query of ['"sky shield', 'tag:', '-', '-"']) expect((await margin(dataDir, 'search', query)).code).toBe(0);
  });

  it('only left-out words list every article without them, as the app does', async () => {
    const dataDir = await tempDir();
    const { id: sample } = await json<{ id: string }>(dataDir, 'import', samplePath);
    const file = join(await tempDir(), 'storm.txt');
    await writeFile(file, 'After the storm\n\nThe storm broke the sea wall in three places.');
    const { id: storm } = await json<{ id: string }>(dataDir, 'import', file);

    const ids = async (...query: string[]) => (await json<Hit[]>(dataDir, 'search', ...query)).map((hit) => hit.articleId).sort();
    expect(await ids('-storm')).toEqual([sample]);
    expect(await ids('-"sea wall"')).toEqual([sample]);
    expect(await ids('-nonesuch')).toEqual([sample, storm].sort());
    // The plain form names each article, with no count of matches it does not have.
    const plain = await margin(dataDir, 'search', '-storm');
    expect(plain.code).toBe(0);
    expect(plain.out.trim().split('\n')).toHaveLength(1);
    expect(plain.out).toMatch(new RegExp(`^${sample}  \\S`, 'u'));
    expect(plain.out).not.toMatch(/match/u);
    // Trashed articles stay out, as in every search.
    await json(dataDir, 'trash', sample);
    expect(await ids('-storm')).toEqual([]);
    expect((await margin(dataDir, 'search', '-storm')).out).toMatch(/Nothing in the library matches/u);
  });

  it('the help explains phrases, left-out words, tag: and color:', async () => {
    const help = await margin(await tempDir(), 'search', '--help');
    expect(help.out).toBe(`${USAGE}\n`);
    for (const part of ['"sea wall"', '-word', 'tag:NAME', 'color:NAME', 'legend']) expect(USAGE).toContain(part);
  });
});
