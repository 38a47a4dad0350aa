// Images kept by content under <data dir>/assets/<sha256>.<ext>: the same picture in two
// articles is stored once, and a name can never point outside the folder. Nothing here follows a
// link: a link planted at an image's name is neither taken for the image nor written or read
// through, so the store never reads or replaces a file outside its folder.
import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { lstat, mkdir, open } from 'node:fs/promises';
import { join } from 'node:path';
import { ASSET_NAME_PATTERN, type AssetExtension } from '../../shared/asset-url';
import { durableWrite, type FileWriter } from '../library/durable-write';
import { saveFailure } from '../library/store-errors';

export const assetsDir = (dataDir: string) => join(dataDir, 'assets');

export function assetFile(dataDir: string, name: string): string | null {
  return ASSET_NAME_PATTERN.test(name) ? join(assetsDir(dataDir), name) : null;
}

/** Whether a regular file (not a link, not a folder) is at path, of `size` bytes when given. */
async function isRegularFile(path: string, size?: number): Promise<boolean> {
  try {
    const info = await lstat(path);
    return info.isFile() && (size === undefined || info.size === size);
  } catch {
    return false;
  }
}

/**
 * Stores the bytes (once) and returns the asset's name. The write is durable (see durable-write.ts);
 * a disk that refuses it is one sentence, and a link at the name is refused, never followed.
 */
export async function storeAsset(dataDir: string, bytes: Uint8Array, extension: AssetExtension, writer: FileWriter = durableWrite): Promise<string> {
  const name = `${createHash('sha256').update(bytes).digest('hex')}.${extension}`;
  const path = join(assetsDir(dataDir), name);
  // Named by content, so a file of the right size is this image; one cut short is written again.
  if (await isRegularFile(path, bytes.byteLength)) return name;
  try {
    await mkdir(assetsDir(dataDir), { recursive: true });
    await writer(path, bytes);
  } catch (error) {
    throw saveFailure(error, dataDir);
  }
  return name;
}

// O_NOFOLLOW is missing on Windows; there the lstat check in readAsset is what refuses a link.
const READ_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0);

/** The image's bytes, or null when there is none (or something other than a regular file is at its name). */
export async function readAsset(dataDir: string, name: string): Promise<Uint8Array | null> {
  const path = assetFile(dataDir, name);
  if (path === null || !(await isRegularFile(path))) return null;
  try {
    const handle = await open(path, READ_FLAGS);
    try {
      if (!(await handle.stat()).isFile()) return null;
      return new Uint8Array(await handle.readFile());
    } finally {
      await handle.close();
    }
  } catch {
    return null;
  }
}
