// Runs a Node script in a child process, as the benchmarks that measure a whole process (its time,
// its memory) do: what it printed, and an error naming the script when it exits otherwise than 0.
import { spawn } from 'node:child_process';

export function runNodeChild(args: readonly string[], name: string): Promise<string> {
  return new Promise((done, failed) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', failed);
    child.on('close', (code) => {
      if (code !== 0) failed(new Error(`${name} exited with ${code}: ${err}`));
      else done(out);
    });
  });
}
