// Builds a TypeScript entry (and the repo code it imports) into one ES module that plain Node
// runs, for tests that need a real second process: one that can be killed, or that writes at the
// same time as another. Packages stay external and resolve through a node_modules link.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { repoRoot } from './paths';

export interface BuiltScript {
  path: string;
  remove(): Promise<void>;
}

export async function buildNodeScript(entry: string): Promise<BuiltScript> {
  const outDir = await mkdtemp(join(tmpdir(), 'margin-script-'));
  await symlink(join(repoRoot, 'node_modules'), join(outDir, 'node_modules'), 'dir');
  await build({
    configFile: false,
    logLevel: 'silent',
    root: repoRoot,
    build: {
      ssr: entry,
      outDir,
      emptyOutDir: false,
      minify: false,
      target: 'node20',
      rollupOptions: { output: { format: 'es', entryFileNames: 'main.mjs' } },
    },
  });
  return { path: join(outDir, 'main.mjs'), remove: () => rm(outDir, { recursive: true, force: true }) };
}

export interface RunningScript {
  child: ChildProcess;
  /** Complete lines printed so far. */
  lines: string[];
  stderr: () => string;
  /** Resolves with the exit code (or the signal) once the process is gone and reaped. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Resolves when a printed line satisfies test. */
  waitForLine(test: (line: string) => boolean): Promise<void>;
}

/**
 * As root, the powers that let root ignore file permissions; a script run without them meets a
 * read-only folder as any person does, while still reading a checkout only root may read.
 */
const ROOT_POWERS = '-dac_override,-dac_read_search,-fowner';

/** Whether a program is on PATH. */
export function commandExists(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

export interface ScriptOptions {
  /** Runs the script without root's power to ignore permissions (through util-linux's setpriv). */
  withoutRootPowers?: boolean;
}

export function runNodeScript(path: string, args: string[], options: ScriptOptions = {}): RunningScript {
  const [command, commandArgs] = options.withoutRootPowers
    ? ['setpriv', [`--bounding-set=${ROOT_POWERS}`, `--inh-caps=${ROOT_POWERS}`, process.execPath, path, ...args]]
    : [process.execPath, [path, ...args]];
  const child = spawn(command, commandArgs, { stdio: ['pipe', 'pipe', 'pipe'] });
  const lines: string[] = [];
  const waiters: { test: (line: string) => boolean; done: () => void }[] = [];
  let partial = '';
  let err = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    const parts = (partial + chunk).split('\n');
    partial = parts.pop() ?? '';
    for (const line of parts) {
      lines.push(line);
      for (const waiter of waiters.splice(0)) {
        if (waiter.test(line)) waiter.done();
        else waiters.push(waiter);
      }
    }
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal })),
  );
  return {
    child,
    lines,
    stderr: () => err,
    exited,
    waitForLine: (test) =>
      lines.some(test)
        ? Promise.resolve()
        : new Promise<void>((resolve, reject) => {
            waiters.push({ test, done: resolve });
            void exited.then(({ code, signal }) => reject(new Error(`the script exited (${code ?? signal}) first: ${err}`)));
          }),
  };
}
