// Every file Margin reads because a person named it (an article, an annotations file, a backup) is
// checked before a byte of it is read, and the CLI checks it before taking the library's write lock:
// it must be a plain file, and no larger than that kind of file can sensibly be. A named pipe
// would make the read wait forever for a writer (holding the lock all that time), and a device
// such as /dev/zero never ends. The file is opened without blocking (O_NONBLOCK: opening a named
// pipe otherwise waits for a writer) and checked again on the open handle, so a path swapped for a
// pipe between the check and the read is refused too; the read itself stops at the cap.
import { constants } from 'node:fs';
import { open, stat, type FileHandle } from 'node:fs/promises';
import { basename } from 'node:path';
import { UserError } from '../errors';
import { oddKind } from './file-kind';

/** What one kind of input may be: how large, and the sentence when it is larger. */
export interface InputRule {
  /** null: no cap on the file itself (a backup, whose unpacked size is checked instead). */
  maxBytes: number | null;
  tooLarge: (name: string) => string;
}

// Windows has no O_NONBLOCK (and no named pipes in the file system); there the flag is 0.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

const cannotOpen = (name: string) => new UserError(`Margin cannot open ${name}: the file does not exist or cannot be read.`);

function refuseUnfit(info: Awaited<ReturnType<typeof stat>>, name: string, rule: InputRule): number {
  const kind = oddKind(info);
  if (kind !== null) throw new UserError(`${name} is ${kind}, not a file; Margin reads only files.`);
  const size = Number(info.size);
  if (rule.maxBytes !== null && size > rule.maxBytes) throw new UserError(rule.tooLarge(name));
  return size;
}

/** Checks the path without opening it; returns the file's size. Throws UserError in one sentence. */
export async function checkInputFile(path: string, rule: InputRule): Promise<number> {
  const name = basename(path);
  const info = await stat(path).catch(() => {
    throw cannotOpen(name);
  });
  return refuseUnfit(info, name, rule);
}

export interface OpenInput {
  handle: FileHandle;
  size: number;
}

/** Opens a checked input file; the caller closes the handle. */
export async function openInputFile(path: string, rule: InputRule): Promise<OpenInput> {
  const name = basename(path);
  await checkInputFile(path, rule);
  const handle = await open(path, OPEN_FLAGS).catch(() => {
    throw cannotOpen(name);
  });
  try {
    return { handle, size: refuseUnfit(await handle.stat(), name, rule) };
  } catch (error) {
    await handle.close();
    throw error;
  }
}

/** The whole of a checked input file, read no further than its cap even if it grows meanwhile. */
export async function readInputFile(path: string, rule: InputRule): Promise<Uint8Array> {
  const { handle, size } = await openInputFile(path, rule);
  const cap = rule.maxBytes ?? Number.MAX_SAFE_INTEGER;
  try {
    // One byte more than expected, to notice a file that grew past its cap since it was checked.
    let buffer = Buffer.allocUnsafe(Math.min(size, cap) + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > cap) throw new UserError(rule.tooLarge(basename(path)));
        buffer = Buffer.concat([buffer, Buffer.allocUnsafe(Math.min(buffer.length, cap + 1 - length))]);
      }
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > cap) throw new UserError(rule.tooLarge(basename(path)));
    return new Uint8Array(buffer.buffer, buffer.byteOffset, length);
  } finally {
    await handle.close();
  }
}
