// An article in the trash remembers where it was, so Restore puts it back there.
import { describe, expect, it } from 'vitest';
import { libraryWithSample } from './support/library';

describe('where a trashed article came from', () => {
  it('is kept while it is in the trash and forgotten once it leaves', async () => {
    const { library, sample } = await libraryWithSample();
    expect(library.meta(sample.id).trashedFrom).toBeNull();
    await library.updateArticle(sample.id, { state: 'archived' });
    await library.updateArticle(sample.id, { state: 'trash' });
    expect(library.meta(sample.id)).toMatchObject({ state: 'trash', trashedFrom: 'archived' });
    // Tagging it in the trash changes nothing about where it came from.
    await library.updateArticle(sample.id, { tags: ['kept'], state: 'trash' });
    expect((await library.summaries())[0]).toMatchObject({ state: 'trash', trashedFrom: 'archived' });
    await library.updateArticle(sample.id, { state: 'archived' });
    expect(library.meta(sample.id)).toMatchObject({ state: 'archived', trashedFrom: null, trashedAt: null });
    await library.updateArticle(sample.id, { state: 'reading' });
    await library.updateArticle(sample.id, { state: 'trash' });
    expect(library.meta(sample.id).trashedFrom).toBe('reading');
  });
});
