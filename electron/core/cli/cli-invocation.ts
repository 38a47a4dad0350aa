// Whether Margin was started as the command line (`margin list`, `margin --help`) or as the app
// (`margin`, `margin notes.html`, a file manager's "Open with"). The installers' `margin` is the
// app's own executable, so this is decided from argv before Electron opens a window or takes the
// app's lock.
import { CLI_COMMANDS, CLI_OPTIONS, CLI_VALUE_OPTIONS } from './args';

const COMMANDS: ReadonlySet<string> = new Set(CLI_COMMANDS);
/**
 * Switches a launcher adds on the person's behalf, which the CLI would refuse as unknown: the
 * AppImage's AppRun adds --no-sandbox where the system has no user namespaces.
 */
const LAUNCHER_SWITCHES: ReadonlySet<string> = new Set(['--no-sandbox']);

/**
 * The CLI's arguments when argv asks for the command line, null when it asks for the app.
 * The command line: the first argument that is not an option names a command, or an option is
 * one of the CLI's (`--help`, `--data-dir DIR`...). The app: no arguments, files, addresses and
 * switches of Chromium's or macOS's own.
 * @param isPackaged whether argv[1] is already the first argument (else it is the app folder)
 */
export function cliArgvFor(argv: readonly string[], isPackaged: boolean): string[] | null {
  const args = argv.slice(isPackaged ? 1 : 2).filter((arg) => !LAUNCHER_SWITCHES.has(arg));
  let cliOption = false;
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i]!;
    if (!arg.startsWith('-') || arg === '-') return COMMANDS.has(arg) ? args : null;
    const [name = arg] = arg.split('=', 1);
    if (!CLI_OPTIONS.has(name)) continue;
    cliOption = true;
    // `--data-dir list`: the value is the folder, not a command.
    if (CLI_VALUE_OPTIONS.has(arg)) i += 1;
  }
  return cliOption ? args : null;
}
