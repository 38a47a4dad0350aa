import { describe, expect, it } from 'vitest';
import { sourcesFromArgv } from '../../electron/core/open-args';

describe('articles named on the command line', () => {
  it('takes files and web addresses after the app, skipping switches', () => {
    expect(sourcesFromArgv(['/opt/Margin/margin', '--no-sandbox', 'notes/a.html', '/abs/b.md', 'https://example.org/x'], true, '/home/ana')).toEqual([
      '/home/ana/notes/a.html',
      '/abs/b.md',
      'https://example.org/x',
    ]);
  });

  it('skips the app folder in development (electron . FILE)', () => {
    expect(sourcesFromArgv(['/usr/lib/electron', '.', 'a.txt'], false, '/work')).toEqual(['/work/a.txt']);
    expect(sourcesFromArgv(['/usr/lib/electron', '.'], false, '/work')).toEqual([]);
  });
});
