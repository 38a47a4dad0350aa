// The files a writing command will read, checked before it takes the library's write lock: a
// named pipe, a device or a file far too large is refused in one sentence while the app and other
// commands go on saving, instead of after the lock is taken (a pipe would hold it forever).
import { isWebAddress } from '../../shared/web-address';
import { messageFor, UserError } from '../errors';
import { checkInputFile } from '../files/input-file';
import { ANNOTATIONS_INPUT } from '../import-annotations';
import { articleInputFor } from '../import/read-text-file';
import type { CliCommand } from './args';

async function problemWith(source: string): Promise<string | null> {
  if (isWebAddress(source)) return null;
  return checkInputFile(source, articleInputFor(source)).then(
    () => null,
    (error: unknown) => messageFor(error),
  );
}

/**
 * Throws when the command cannot read what it was given. An import of several files goes ahead
 * while one of them can be read (each one that cannot is named as the import reaches it).
 */
export async function checkInputsBeforeLock(command: CliCommand): Promise<void> {
  if (command.command === 'import-annotations') {
    await checkInputFile(command.file, ANNOTATIONS_INPUT);
    return;
  }
  if (command.command !== 'import') return;
  const problems: string[] = [];
  for (const source of command.sources) {
    const problem = await problemWith(source);
    if (problem === null) return;
    problems.push(command.sources.length > 1 ? `${source}: ${problem}` : problem);
  }
  if (problems.length > 0) throw new UserError(problems.join('\n'));
}
