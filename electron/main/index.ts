// Margin's entry: the command line or the app. Electron lifecycle lives in ./app.ts; everything
// with logic lives in core and is tested without Electron.
import { app } from 'electron';
import { cliArgvFor } from '../core/cli/cli-invocation';
import { runCliInProcess } from '../core/cli/process-io';
import { startApp } from './app';

// `margin list` and the CLI's other commands run here and exit, never reaching the app's start:
// no window, no single-instance lock (asking for it would hand the command's arguments to a
// running Margin as files to open). Electron waits for this module before it starts its display
// and emits ready, so a command also works where there is no display (over ssh).
const cliArgv = cliArgvFor(process.argv, app.isPackaged);
if (cliArgv !== null) app.exit(await runCliInProcess(cliArgv));
else startApp();
