// `margin …` as a person types it, run in this process against a library folder: its exit code
// and what it printed on stdout and stderr.
import { runCli } from '../../../electron/core/cli/run';

export interface CliResult {
  code: number;
  out: string;
  err: string;
}

export async function margin(dataDir: string, ...args: string[]): Promise<CliResult> {
  let out = '';
  let err = '';
  const code = await runCli(['--data-dir', dataDir, ...args], { out: (t) => (out += t), err: (t) => (err += t), env: {} });
  return { code, out, err };
}

/** `margin … --json` that must succeed: its answer, parsed. */
export async function marginJson<T>(dataDir: string, ...args: string[]): Promise<T> {
  const result = await margin(dataDir, ...args, '--json');
  if (result.code !== 0) throw new Error(result.err);
  return JSON.parse(result.out) as T;
}
