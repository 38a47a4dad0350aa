// A highlight across a photo, exported to Markdown from the CLI: the note shows the photo with
// its caption and credit, and the photo travels with the notes into the vault folder.
import { copyFile, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturesDir } from './support/paths';
import { tempDir } from './support/temp-dir';
import { margin } from './support/margin-cli';

const PHOTO = join(fixturesDir, 'html-import/news-figures-credits/images/sandbags.png');

const PAGE = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>The levee held</title></head><body>
<article>
<h1>The levee held</h1>
<p>Volunteers filled sandbags through the night in the square, passing them hand to hand along a line that reached the church steps and back again.</p>
<p>By morning the wall of bags stood chest high along the river road, and the water stopped a hand's width below its top while the town watched from the bridge.</p>
<figure><img src="sandbags.png" alt="Sandbags stacked along the river road"><figcaption><span class="caption">Sandbags along the river road on Wednesday.</span> <span class="credit">Photo: J. Okafor</span></figcaption></figure>
<p>Engineers said the levee would be inspected again before the next storm arrives, and that the town should keep its sandbags where they are until then.</p>
<p>The mayor thanked the volunteers at a short meeting in the town hall, where coffee and soup were served until late in the evening to everyone who came.</p>
</article></body></html>`;

describe('Markdown export of a highlight across a photo', () => {
  it('writes the photo as an image with its caption and credit in italics, and copies it beside the notes', async () => {
    const folder = await tempDir();
    const page = join(folder, 'levee.html');
    await writeFile(page, PAGE);
    await copyFile(PHOTO, join(folder, 'sandbags.png'));
    const dataDir = await tempDir();
    const imported = JSON.parse((await margin(dataDir, 'import', page, '--json')).out) as { id: string; images: { saved: number } };
    expect(imported.images.saved).toBe(1);
    // The passage from the end of one paragraph, across the photo, into the next, as the article's text has it.
    const { text } = JSON.parse((await margin(dataDir, 'show', imported.id, '--json')).out) as { text: string };
    const from = text.indexOf('below its top');
    const to = text.indexOf('Engineers said the levee') + 'Engineers said the levee'.length;
    expect((await margin(dataDir, 'highlight', imported.id, '--quote', text.slice(from, to))).code).toBe(0);

    const vault = await tempDir();
    expect((await margin(dataDir, 'export', imported.id, '--format', 'markdown', '--out', join(vault, 'levee.md'))).code).toBe(0);
    const note = await readFile(join(vault, 'levee.md'), 'utf8');
    const [attachment] = await readdir(join(vault, 'attachments'));
    expect(attachment).toMatch(/^[0-9a-f]{64}\.png$/u);
    expect(await readFile(join(vault, 'attachments', attachment ?? ''))).toEqual(await readFile(PHOTO));
    expect(note).toContain(
      [
        '> below its top while the town watched from the bridge.',
        '>',
        `> ![Sandbags stacked along the river road](attachments/${attachment})`,
        '> *Sandbags along the river road on Wednesday. (Photo: J. Okafor)*',
        '>',
        '> Engineers said the levee',
      ].join('\n'),
    );

    // To standard output the notes cannot carry the photo: the CLI says so.
    const printed = await margin(dataDir, 'export', imported.id, '--format', 'markdown');
    expect(printed.out).toContain(`](attachments/${attachment})`);
    expect(printed.err).toBe('The notes refer to 1 image in attachments/; add --out FILE to write it beside them.\n');
  });
});
