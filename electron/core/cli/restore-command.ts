// `margin restore FILE [--force]`: the archive back into the library folder, under the library's
// write lock like every other change, so a running app is never pulled from under its feet.
import { restoreDataDir } from '../backup/restore';
import type { CliCommand } from './args';

interface Writers {
  out: (text: string) => void;
  err: (text: string) => void;
}

/** How long restore waits for the app (or another command) to finish a save. */
const LOCK_WAIT_MS = 3_000;

export async function runRestore(command: Extract<CliCommand, { command: 'restore' }>, dataDir: string, io: Writers): Promise<void> {
  const report = await restoreDataDir(command.file, dataDir, { force: command.force, waitMs: LOCK_WAIT_MS });
  const kept = report.previousDataDir === null ? '' : ` The library that was there is kept at ${report.previousDataDir}.`;
  io.out(`Restored ${report.files} files into ${report.dataDir}.${kept}\n`);
  if (report.leftOut.length > 0) {
    const names = report.leftOut.length > 5 ? `${report.leftOut.slice(0, 5).join(', ')} and ${report.leftOut.length - 5} more` : report.leftOut.join(', ');
    io.err(`Left out what is not part of a Margin library (such as the browser data a Margin 0.1 backup holds): ${names}.\n`);
  }
  if (report.rebuilt.length > 0) {
    io.err(`Left out ${report.rebuilt.join(', ')}, which this version of Margin cannot use; it is rebuilt from the articles when needed.\n`);
  }
}
