#!/usr/bin/env node
// `npm run bench`: runs every tests/bench/*.bench.ts under vitest bench, then prints one table of
// subject against baseline (median, p95, ratio) and writes the same as JSON so runs can be
// compared. The rows come from the pairs each bench file records (tests/bench/support/paired.ts):
// vitest's --outputJson drops raw samples, so it has no p95 and no pairing; it is still written
// beside the rows, whole, for anyone who wants tinybench's own numbers.
//
//   node scripts/bench/run.mjs [--quick] [--tiny] [--out bench-results/latest.json] [vitest filters...]
//   node scripts/bench/run.mjs --print bench-results/<run>.json   (the table of an earlier run, nothing run)
//
// --quick shrinks every input (MARGIN_BENCH_QUICK=1, under a minute in all); --tiny shrinks
// them further still (MARGIN_BENCH_TINY=1), for the test that checks this harness. Timing never
// sets the exit code: only a benchmark that throws, or no results at all, does.
import { spawn, execFileSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');

function parseArgs(argv) {
  const options = { quick: false, tiny: false, out: join(root, 'bench-results', 'latest.json'), print: null, filters: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--quick') options.quick = true;
    else if (arg === '--tiny') options.tiny = options.quick = true;
    else if (arg === '--out') options.out = resolve(argv[++i] ?? '');
    else if (arg.startsWith('--out=')) options.out = resolve(arg.slice('--out='.length));
    else if (arg === '--print') options.print = resolve(argv[++i] ?? '');
    else options.filters.push(arg);
  }
  return options;
}

/** The browser the reader benchmark drives, the same lookup the e2e tests make. */
function chromiumVersion() {
  const candidates = [process.env.CHROMIUM_PATH, ...JSON.parse(readFileSync(join(root, 'tests/support/chromium-paths.json'), 'utf8'))];
  const path = candidates.find((candidate) => candidate && existsSync(candidate));
  if (path === undefined) return null;
  try {
    return execFileSync(path, ['--version'], { encoding: 'utf8', timeout: 10_000, stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

function machine() {
  return {
    nproc: cpus().length,
    cpu: cpus()[0]?.model ?? 'unknown',
    memoryGiB: Number((totalmem() / 2 ** 30).toFixed(1)),
    node: process.version,
    chromium: chromiumVersion(),
    platform: `${process.platform} ${process.arch}`,
  };
}

function runVitest(options, files) {
  const env = {
    ...process.env,
    MARGIN_BENCH_QUICK: options.quick ? '1' : '0',
    MARGIN_BENCH_TINY: options.tiny ? '1' : '0',
    MARGIN_BENCH_RESULTS: files.pairs,
    // Colour codes would end up in the log; the table is printed by this script anyway.
    FORCE_COLOR: '0',
    NO_COLOR: '1',
  };
  const vitest = join(root, 'node_modules', '.bin', 'vitest');
  // One file at a time: two benchmarks sharing this machine's two cores would each time the other.
  const args = ['bench', '--run', '--no-file-parallelism', '--outputJson', files.vitest, ...options.filters];
  const log = createWriteStream(files.log);
  return new Promise((done) => {
    const child = spawn(vitest, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    // Everything goes to the log; progress (each finished pair, each finished file) to stderr, so
    // stdout carries only the table.
    let pending = '';
    const progress = (chunk) => {
      log.write(chunk);
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) if (/\[pair\]|\[reader\]|✓ tests\/bench|FAIL|Error/u.test(line)) process.stderr.write(`  ${line.trim()}\n`);
    };
    child.stdout.on('data', progress);
    child.stderr.on('data', progress);
    child.on('close', (code) => log.end(() => done(code ?? 1)));
  });
}

function readPairs(path) {
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line));
}

/** Milliseconds at a precision the noise on this machine supports. */
function ms(value) {
  if (value === null || value === undefined || !Number.isFinite(value)) return '-';
  if (value >= 100) return value.toFixed(0);
  if (value >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

export const COLUMNS = ['benchmark', 'subject', 'subject median ms', 'subject p95 ms', 'baseline', 'baseline median ms', 'baseline p95 ms', 'ratio', 'target'];

function table(rows) {
  const cells = rows.map((row) => [
    row.benchmark,
    row.subject.name,
    ms(row.subject.median),
    ms(row.subject.p95),
    row.baseline?.name ?? '-',
    ms(row.baseline?.median),
    ms(row.baseline?.p95),
    // Two decimals hide a 200-fold win as 0.00x; small ratios get a third.
    row.ratio === null ? '-' : `${row.ratio.toFixed(row.ratio < 0.1 ? 3 : 2)}x`,
    row.target ?? '',
  ]);
  const escape = (cell) => String(cell).replaceAll('|', '\\|');
  // A Markdown table, so a run can be pasted into BENCHMARKS.md as it is.
  return [COLUMNS, COLUMNS.map(() => '---'), ...cells].map((line) => `| ${line.map(escape).join(' | ')} |`).join('\n');
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (options.print !== null) {
    const saved = JSON.parse(readFileSync(options.print, 'utf8'));
    process.stdout.write(`${table(saved.rows)}\n`);
    process.stderr.write(`${saved.mode} run of ${saved.startedAt}, ${(saved.durationMs / 1000).toFixed(1)} s\n`);
    return;
  }
  const outDir = dirname(options.out);
  mkdirSync(outDir, { recursive: true });
  const files = { pairs: join(outDir, 'pairs.jsonl'), vitest: join(outDir, 'vitest.json'), log: join(outDir, 'vitest.log') };
  writeFileSync(files.pairs, '');
  writeFileSync(files.vitest, '');

  // The reader benchmark opens the built renderer; build it once here rather than time a build.
  if (!existsSync(join(root, 'out', 'renderer', 'index.html'))) {
    process.stderr.write('out/renderer is missing: building it (npx electron-vite build)...\n');
    execFileSync(join(root, 'node_modules', '.bin', 'electron-vite'), ['build'], { cwd: root, stdio: 'inherit' });
  }

  const mode = options.tiny ? 'tiny' : options.quick ? 'quick' : 'full';
  process.stderr.write(`Margin benchmarks, ${mode} run (vitest output: ${relative(root, files.log)})\n`);
  const startedAt = new Date();
  const code = await runVitest(options, files);
  const finishedAt = new Date();
  const rows = readPairs(files.pairs);
  let vitestReport = null;
  try {
    vitestReport = JSON.parse(readFileSync(files.vitest, 'utf8'));
  } catch {
    // vitest writes no report when a file fails to load; the log says why.
  }

  const result = {
    schemaVersion: 1,
    mode,
    startedAt: startedAt.toISOString(),
    durationMs: finishedAt.getTime() - startedAt.getTime(),
    machine: machine(),
    filters: options.filters,
    vitestExitCode: code,
    columns: COLUMNS,
    rows,
    vitest: vitestReport,
  };
  const json = `${JSON.stringify(result, null, 2)}\n`;
  writeFileSync(options.out, json);
  // One copy per run as well, named by time and mode, so `latest` can be compared with any other.
  writeFileSync(join(outDir, `${startedAt.toISOString().replace(/[:.]/gu, '-')}-${mode}.json`), json);

  process.stdout.write(`${table(rows)}\n`);
  process.stderr.write(
    `\n${rows.length} rows, ${mode} run in ${(result.durationMs / 1000).toFixed(1)} s. ratio = subject median / baseline median (below 1: the subject is faster).\n` +
      `JSON: ${relative(root, options.out)}\n`,
  );
  if (code !== 0) process.stderr.write(`vitest exited with ${code}: see ${relative(root, files.log)}\n`);
  process.exitCode = code !== 0 || rows.length === 0 ? 1 : 0;
}

await main();
