// One way for every benchmark file to measure a subject beside its baseline: both in the same
// process, warmed up, then alternated round by round (the order flipped each round), so a busy
// moment on this 2-core machine slows both alike instead of whichever ran second. Each finished
// pair is appended as one JSON line to $MARGIN_BENCH_RESULTS, which scripts/bench/run.mjs turns
// into the suite's table. vitest's own --outputJson keeps means and p99 but drops the samples,
// so it cannot give the p95 and the ratio the table needs; that is why pairs record themselves.
import { appendFileSync } from 'node:fs';
import { bench } from 'vitest';

export const QUICK = process.env.MARGIN_BENCH_QUICK === '1';
/** Smallest inputs, for the test that checks the harness itself (implies quick). */
export const TINY = process.env.MARGIN_BENCH_TINY === '1';

export interface Stats {
  name: string;
  median: number;
  p95: number;
  samples: number;
}

export interface Row {
  benchmark: string;
  /** Which bench file measured it, for finding the code behind a row. */
  file: string;
  unit: 'ms';
  subject: Stats;
  /** Null where nothing comparable exists: the row then stands alone against its target. */
  baseline: Stats | null;
  ratio: number | null;
  target?: string;
  note?: string;
}

export interface Side {
  name: string;
  run: () => unknown;
}

export interface PairOptions {
  warmup: number;
  rounds: number;
  target?: string;
  note?: string;
}

/** Nearest-rank percentile over sorted samples: no interpolation, so p95 of 3 samples is the max. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

export function stats(name: string, samples: readonly number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  return { name, median: percentile(sorted, 50), p95: percentile(sorted, 95), samples: sorted.length };
}

export function record(row: Row): void {
  const out = process.env.MARGIN_BENCH_RESULTS;
  if (out !== undefined && out !== '') appendFileSync(out, `${JSON.stringify(row)}\n`);
  const side = (s: Stats) => `${s.name} median ${s.median.toFixed(2)} ms, p95 ${s.p95.toFixed(2)} ms (${s.samples})`;
  console.log(`[pair] ${row.benchmark}: ${side(row.subject)}${row.baseline === null ? '' : ` | ${side(row.baseline)} | ratio ${row.ratio === null ? '-' : `${row.ratio.toFixed(2)}x`}`}`);
}

export function rowOf(benchmark: string, file: string, subject: Stats, baseline: Stats | null, extra: Pick<Row, 'target' | 'note'> = {}): Row {
  // A zero baseline (no long task at all, say) has no meaningful ratio; JSON cannot hold Infinity.
  const ratio = baseline === null || !(baseline.median > 0) ? null : subject.median / baseline.median;
  return { benchmark, file, unit: 'ms', subject, baseline, ratio, ...extra };
}

async function timeOnce(side: Side): Promise<number> {
  const started = performance.now();
  await side.run();
  return performance.now() - started;
}

/** Warm-up calls of both (untimed), then `rounds` alternating rounds; returns the finished row. */
export async function measurePair(benchmark: string, file: string, subject: Side, baseline: Side | null, options: PairOptions): Promise<Row> {
  for (let i = 0; i < options.warmup; i++) {
    await subject.run();
    await baseline?.run();
  }
  const ours: number[] = [];
  const theirs: number[] = [];
  for (let round = 0; round < options.rounds; round++) {
    const order: Array<[Side, number[]]> = baseline === null ? [[subject, ours]] : [[subject, ours], [baseline, theirs]];
    if (round % 2 === 1) order.reverse();
    for (const [side, into] of order) into.push(await timeOnce(side));
  }
  const row = rowOf(benchmark, file, stats(subject.name, ours), baseline === null ? null : stats(baseline.name, theirs), {
    target: options.target,
    note: options.note,
  });
  record(row);
  return row;
}

/** tinybench options for a benchmark that runs its own rounds inside one call. */
export const ONCE = { iterations: 1, time: 0, warmupIterations: 0, warmupTime: 0 };

/**
 * Registers the pair as one vitest bench task run once, so it runs inside `vitest bench` with the
 * file's other benches. (tinybench may call a task more than asked; the pair runs only once.)
 */
export function pairedBench(benchmark: string, file: string, subject: Side, baseline: Side | null, options: PairOptions): void {
  let done = false;
  bench(`paired: ${benchmark}`, async () => {
    if (done) return;
    done = true;
    await measurePair(benchmark, file, subject, baseline, options);
  }, ONCE);
}
