// The CLI as a process: the plain-Node `margin` (bin/margin.js) and the installed app started
// with a command both run it here. The exit code is returned only once the output streams have
// taken everything written: the app ends its process at once (Electron's app.exit), and a pipe
// on macOS and a console on Windows are written asynchronously.
import { runCli } from './run';

function flushed(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => {
    stream.write('', () => resolve());
  });
}

/** Runs one CLI invocation over the process's streams and environment; resolves to its exit code. */
export async function runCliInProcess(argv: string[]): Promise<number> {
  const code = await runCli(argv, {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    ...(process.stderr.isTTY ? { progress: (text: string) => process.stderr.write(`${text}\n`) } : {}),
    env: process.env,
  });
  await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
  return code;
}
