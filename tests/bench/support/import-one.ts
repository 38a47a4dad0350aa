// One `margin import FILE` as a plain Node program (bundled by limits.bench.ts, so no TypeScript
// loader sits in the measured process): runs the CLI in-process on the data dir and file given and
// prints one JSON line with its exit code, what it wrote to stderr, the wall time and the process's
// peak RSS. A refusal is a result like any other: the benchmark wants to know how fast it came.
import { runCli } from '../../../electron/core/cli/run';

async function main(): Promise<void> {
  const [dataDir, file] = process.argv.slice(2);
  if (dataDir === undefined || file === undefined) throw new Error('usage: import-one <dataDir> <file>');
  let err = '';
  const began = performance.now();
  const code = await runCli(['--data-dir', dataDir, 'import', file], { out: () => undefined, err: (text) => (err += text), env: {} });
  const ms = performance.now() - began;
  process.stdout.write(`${JSON.stringify({ code, err: err.trim(), ms, peakRssMB: process.resourceUsage().maxRSS / 1024 })}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
