// Turns what the operating system says when a save fails into one sentence for the person, so a
// full disk or a read-only folder reads as such and not as a bug inside Margin.
import { UserError } from '../errors';

const code = (error: unknown) => (error as NodeJS.ErrnoException | null)?.code ?? '';

export function isDiskFull(error: unknown): boolean {
  return code(error) === 'ENOSPC' || code(error) === 'EDQUOT';
}

/** The disk itself failed to read or write: the change may or may not have reached it. */
export function isDiskFailure(error: unknown): boolean {
  return code(error) === 'EIO';
}

export function isNotWritable(error: unknown): boolean {
  return code(error) === 'EROFS' || code(error) === 'EACCES' || code(error) === 'EPERM';
}

/** The error to hand the caller when writing under dataDir failed; the previous files are intact. */
export function saveFailure(error: unknown, dataDir: string): unknown {
  if (error instanceof UserError) return error;
  if (isDiskFull(error)) {
    return new UserError('The disk is full, so Margin could not save this change; your library is as it was before it.');
  }
  if (isDiskFailure(error)) {
    return new UserError('The disk reported an input/output error, so Margin could not confirm this change was saved; the disk may be failing, so copy your library elsewhere before going on.');
  }
  if (isNotWritable(error)) {
    return new UserError(`Margin cannot write to its data folder ${dataDir} (it is read-only), so this change was not saved; nothing was lost.`);
  }
  return error;
}
