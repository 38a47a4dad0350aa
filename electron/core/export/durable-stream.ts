// Writes an export's pieces to a file with the same guarantee as durableWrite (durable-write.ts):
// a temp file beside the target, every byte written, fsync'd, its size checked, renamed over the
// target, the folder fsync'd; until the rename the previous file stays whole, and any failure or
// a cancel removes the temp file. Unlike durableWrite it never holds the whole text: each part
// the format writes is encoded straight into a buffer of a few megabytes, and full buffers go to
// the disk after each article. Encoding part by part, rather than joining parts into strings
// first, spares V8 flattening the joined strings: that costs a third of a Markdown export's time
// and half of a JSON-LD one's.
// The two halves are separate so an export made in a worker can write the temp file there and
// leave the rename to the main process, where a cancel is decided.
import { dirname } from 'node:path';
import { nodeDurableFs, syncFolderWith, tempPathFor, existingMode, TEMP_FLAGS, type DurableFs, type WriteHandle } from '../library/durable-write';
import type { ExportText, TextSink } from './export-text';

/** Bytes gathered before a write: large enough that the disk sees few, long writes. */
const CHUNK_BYTES = 4 << 20;
/** The most UTF-8 bytes one UTF-16 code unit becomes. */
const MAX_BYTES_PER_UNIT = 3;

/** Encodes parts into chunk buffers; a full chunk waits in `full` until the writer takes it. */
class ChunkSink implements TextSink {
  full: Uint8Array[] = [];
  private chunk = Buffer.allocUnsafe(CHUNK_BYTES);
  private used = 0;

  write(text: string): void {
    const room = text.length * MAX_BYTES_PER_UNIT;
    if (this.used + room > CHUNK_BYTES) this.close();
    // A part larger than a whole chunk (a merged Markdown file) is a chunk of its own.
    if (room > CHUNK_BYTES) this.full.push(Buffer.from(text, 'utf8'));
    else this.used += this.chunk.write(text, this.used, 'utf8');
  }

  /** Moves what the current chunk holds to `full` and starts a new one. */
  close(): void {
    if (this.used === 0) return;
    this.full.push(this.chunk.subarray(0, this.used));
    this.chunk = Buffer.allocUnsafe(CHUNK_BYTES);
    this.used = 0;
  }

  take(): Uint8Array[] {
    const full = this.full;
    this.full = [];
    return full;
  }
}

/** Thrown when the person cancels an export; nothing was left at the target. */
export class ExportCancelled extends Error {
  constructor() {
    super('The export was cancelled.');
    this.name = 'ExportCancelled';
  }
}

export interface StreamWriteOptions {
  /** The disk's calls; tests pass a failing or slow one. */
  fs?: DurableFs;
  /** Cancels the write between chunks. */
  signal?: AbortSignal;
  /** Called after each chunk is written, with how many articles of the export are in the file. */
  onProgress?: (articles: number) => void;
}

const ioError = (message: string) => Object.assign(new Error(`EIO: ${message}`), { code: 'EIO' });

async function writeAt(handle: WriteHandle, bytes: Uint8Array, position: number): Promise<void> {
  let offset = 0;
  while (offset < bytes.byteLength) {
    const { bytesWritten } = await handle.write(bytes, offset, bytes.byteLength - offset, position + offset);
    // A regular file never takes zero bytes of a non-empty write without an error; looping would hang.
    if (bytesWritten <= 0) throw ioError(`the disk took none of the last ${bytes.byteLength - offset} bytes`);
    offset += bytesWritten;
  }
}

/**
 * Writes the pieces into a new temp file at `temp` (which must not exist), fsync'd and closed,
 * with the permissions of the file at `path` when there is one. On failure or cancel the temp
 * file is removed before the promise rejects.
 */
export async function writeTempFile(path: string, temp: string, render: ExportText, options: StreamWriteOptions = {}): Promise<void> {
  const fs = options.fs ?? nodeDurableFs;
  const mode = await existingMode(fs, path);
  let handle: WriteHandle | null = null;
  let created = false;
  try {
    handle = await fs.open(temp, TEMP_FLAGS, 0o666);
    created = true;
    if (mode !== null) await handle.chmod(mode);
    const file = handle;
    const sink = new ChunkSink();
    // The file is open: from here the export is being written, and its progress counts.
    options.onProgress?.(0);
    let position = 0;
    const flush = async (articles: number) => {
      const chunks = sink.take();
      for (const bytes of chunks) {
        if (options.signal?.aborted === true) throw new ExportCancelled();
        await writeAt(file, bytes, position);
        position += bytes.byteLength;
      }
      if (chunks.length > 0) options.onProgress?.(articles);
    };
    let articles = 0;
    for (articles of render(sink)) await flush(articles);
    sink.close();
    await flush(articles);
    await handle.sync();
    const { size } = await handle.stat();
    if (size !== position) throw ioError(`${temp} holds ${size} of the ${position} bytes written`);
    const closing = handle;
    handle = null;
    await closing.close();
    if (options.signal?.aborted === true) throw new ExportCancelled();
  } catch (error) {
    await handle?.close().catch(() => undefined);
    if (created) await fs.unlink(temp).catch(() => undefined);
    throw error;
  }
}

/** Puts a finished temp file in place of `path` and makes the rename durable; on failure the temp file goes. */
export async function replaceWithTemp(path: string, temp: string, fs: DurableFs = nodeDurableFs): Promise<void> {
  try {
    await fs.rename(temp, path);
  } catch (error) {
    await fs.unlink(temp).catch(() => undefined);
    throw error;
  }
  await syncFolderWith(fs, dirname(path));
}

/** Both halves in this thread: the pieces end up at `path`, whole, or nothing changes there. */
export async function writeTextDurably(path: string, render: ExportText, options: StreamWriteOptions = {}): Promise<void> {
  const temp = tempPathFor(path);
  await writeTempFile(path, temp, render, options);
  if (options.signal?.aborted === true) {
    await (options.fs ?? nodeDurableFs).unlink(temp).catch(() => undefined);
    throw new ExportCancelled();
  }
  await replaceWithTemp(path, temp, options.fs);
}
