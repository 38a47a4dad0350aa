// Whether `margin …` runs the command line or starts the app, decided from argv before Electron
// opens anything: the installers' `margin` is the app's own executable.
import { describe, expect, it } from 'vitest';
import { cliArgvFor } from '../../electron/core/cli/cli-invocation';
import { CLI_COMMANDS, parseCliArgs, USAGE } from '../../electron/core/cli/args';

const app = '/opt/Margin/margin';

describe('margin COMMAND runs the command line, not a window', () => {
  it.each([
    [['list'], ['list']],
    [['import', '/home/ana/a.html'], ['import', '/home/ana/a.html']],
    [['--help'], ['--help']],
    [['-h'], ['-h']],
    [['help'], ['help']],
    [['--data-dir', '/srv/lib', 'list', '--json'], ['--data-dir', '/srv/lib', 'list', '--json']],
    [['--data-dir=/srv/lib', 'search', 'kharkiv'], ['--data-dir=/srv/lib', 'search', 'kharkiv']],
    // A CLI option with no command is the CLI too: it answers with its usage, never a window.
    [['--data-dir', '/srv/lib'], ['--data-dir', '/srv/lib']],
    // The AppImage's launcher adds --no-sandbox where the system has no user namespaces.
    [['--no-sandbox', 'list'], ['list']],
  ])('margin %j', (args, cliArgs) => {
    expect(cliArgvFor([app, ...args], true)).toEqual(cliArgs);
  });

  it('every command the CLI knows, and only those, is one', () => {
    for (const command of CLI_COMMANDS) {
      expect(cliArgvFor([app, command], true), command).toEqual([command]);
      if (command !== 'help') expect(USAGE, command).toMatch(new RegExp(`\\s${command} `, 'u'));
      // The parser knows it: whatever it says about the missing arguments, it is not "Unknown command".
      expect(() => parseCliArgs([command, '--help']), command).not.toThrow();
      try {
        parseCliArgs([command]);
      } catch (error) {
        expect((error as Error).message, command).not.toMatch(/Unknown command/u);
      }
    }
    expect(() => parseCliArgs(['frobnicate'])).toThrow(/Unknown command/u);
  });

  it('a value that looks like a command is not taken for one: --data-dir list opens nothing and shows the usage', () => {
    expect(cliArgvFor([app, '--data-dir', 'list'], true)).toEqual(['--data-dir', 'list']);
  });

  it('in development the app folder comes first (electron . list)', () => {
    expect(cliArgvFor(['/usr/lib/electron', '.', 'list'], false)).toEqual(['list']);
  });
});

describe('margin without a command starts the app', () => {
  it.each([
    [[]],
    [['/home/ana/a.html']],
    [['file:///home/ana/My%20Notes/a.html']],
    [['https://example.org/story']],
    [['notes/list.md']],
    // A file named like a command is opened when named as a path.
    [['./list']],
    // Switches for Chromium, a desktop launcher's or macOS's own, are the app's.
    [['--no-sandbox', '/home/ana/a.html']],
    [['--ozone-platform=wayland', '--enable-features=UseOzonePlatform']],
    [['-psn_0_1234567']],
    // Playwright's _electron launch.
    [['--inspect=0', '--remote-debugging-port=0']],
  ])('margin %j', (args) => {
    expect(cliArgvFor([app, ...args], true)).toBeNull();
  });

  it('in development: electron . and electron . FILE', () => {
    expect(cliArgvFor(['/usr/lib/electron', '.'], false)).toBeNull();
    expect(cliArgvFor(['/usr/lib/electron', '.', 'a.txt'], false)).toBeNull();
  });
});
