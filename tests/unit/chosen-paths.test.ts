// The list of files a person chose since the app started: what article:import may read.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ChosenPaths } from '../../electron/core/security/chosen-paths';

describe('files the person chose', () => {
  it('a file named on the command line or picked in a dialog may be imported, by the same path written another way too', () => {
    const chosen = new ChosenPaths();
    chosen.grant(['/home/ana/notes/walks.md']);
    expect(chosen.allows('/home/ana/notes/walks.md')).toBe(true);
    expect(chosen.allows('/home/ana/notes/../notes/./walks.md')).toBe(true);
  });

  it('a file nobody chose may not, even beside a chosen one or above it', () => {
    const chosen = new ChosenPaths();
    chosen.grant(['/home/ana/notes/walks.md']);
    expect(chosen.allows('/home/ana/notes/diary.md')).toBe(false);
    expect(chosen.allows('/home/ana/notes')).toBe(false);
    expect(chosen.allows('/etc/passwd')).toBe(false);
    expect(chosen.allows(join('/home/ana/notes/walks.md', '..', 'diary.md'))).toBe(false);
  });

  it('a web address needs no choosing: the network rules decide what it may reach', () => {
    expect(new ChosenPaths().allows('https://news.example/story')).toBe(true);
    expect(new ChosenPaths().allows('file:///etc/passwd')).toBe(false);
  });

  it('a drop grants only a list of paths; anything else the drop channel carries grants nothing', () => {
    const chosen = new ChosenPaths();
    for (const input of [null, '/etc/passwd', [], [''], [42], { paths: ['/etc/passwd'] }, Array.from({ length: 1_001 }, (_, i) => `/tmp/${i}`)]) chosen.grantDropped(input);
    expect(chosen.allows('/etc/passwd')).toBe(false);
    expect(chosen.allows('/tmp/1')).toBe(false);
    chosen.grantDropped(['/home/ana/Downloads/story.html']);
    expect(chosen.allows('/home/ana/Downloads/story.html')).toBe(true);
  });
});
