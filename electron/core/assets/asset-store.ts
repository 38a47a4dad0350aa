// Images kept by content under <data dir>/assets/<sha256>.<ext>: the same picture in two
// articles is stored once, and a name can never point outside the folder.
import { createHash } from 'node:crypto';
import { access, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { ASSET_NAME_PATTERN, type AssetExtension } from '../../shared/asset-url';

export const assetsDir = (dataDir: string) => join(dataDir, 'assets');

export function assetFile(dataDir: string, name: string): string | null {
  return ASSET_NAME_PATTERN.test(name) ? join(assetsDir(dataDir), name) : null;
}

/** Stores the bytes (once) and returns the asset's name. */
export async function storeAsset(dataDir: string, bytes: Uint8Array, extension: AssetExtension): Promise<string> {
  const name = `${createHash('sha256').update(bytes).digest('hex')}.${extension}`;
  const path = join(assetsDir(dataDir), name);
  try {
    await access(path);
  } catch {
    await mkdir(assetsDir(dataDir), { recursive: true });
    await writeFileAtomic(path, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { fsync: true });
  }
  return name;
}

export async function readAsset(dataDir: string, name: string): Promise<Uint8Array | null> {
  const path = assetFile(dataDir, name);
  if (path === null) return null;
  try {
    return new Uint8Array(await readFile(path));
  } catch {
    return null;
  }
}
