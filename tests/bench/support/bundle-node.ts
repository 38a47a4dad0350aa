// Bundles a TypeScript entry (the project's own modules; packages stay imports, as in the app's
// main bundle) into one ESM file that plain `node` runs, so a child process can be measured
// without a TS loader in it. The packages resolve through a node_modules link beside the bundle.
import { mkdtemp, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';

export async function bundleForNode(entry: string): Promise<{ file: string; dir: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'margin-bench-bundle-'));
  await build({
    configFile: false,
    logLevel: 'silent',
    ssr: { target: 'node' },
    build: {
      ssr: entry,
      write: true,
      outDir: dir,
      emptyOutDir: false,
      minify: false,
      target: 'node20',
      rollupOptions: { output: { format: 'es', entryFileNames: 'main.mjs', inlineDynamicImports: true } },
    },
  });
  await symlink(resolve(import.meta.dirname, '../../../node_modules'), join(dir, 'node_modules'), 'dir');
  return { file: join(dir, 'main.mjs'), dir };
}
