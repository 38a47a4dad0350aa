// The glue tests start electron/main/index.ts and electron/preload/index.ts; this keeps a new
// glue file from sitting outside them, unreached by any test.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../unit/support/paths';

/** The files of a glue folder that its entry reaches through relative imports in that folder. */
function reachedFrom(folder: string, entry: string): Set<string> {
  const reached = new Set<string>();
  const visit = (name: string) => {
    if (reached.has(name)) return;
    reached.add(name);
    const source = readFileSync(join(folder, name), 'utf8');
    for (const [, local] of source.matchAll(/from '\.\/([\w-]+)'/gu)) visit(`${local}.ts`);
  };
  visit(entry);
  return reached;
}

describe('glue under a stand-in Electron: coverage of the glue', () => {
  it.each(['main', 'preload'])('every file of electron/%s is reached from its index.ts, which the glue tests start', (room) => {
    const folder = join(repoRoot, 'electron', room);
    const files = readdirSync(folder).filter((name) => name.endsWith('.ts'));
    expect([...reachedFrom(folder, 'index.ts')].sort()).toEqual(files.sort());
  });
});
