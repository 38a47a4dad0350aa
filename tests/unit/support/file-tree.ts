import { readFile, readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';

/** Every file under dir, by relative path, with its contents: to show that something changed nothing. */
export async function fileTree(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) {
      const path = join(entry.parentPath, entry.name);
      files[relative(dir, path)] = await readFile(path, 'latin1');
    }
  }
  return files;
}
