// The benchmark harness itself: `npm run bench` over tiny inputs must run
// every bench file, print a well-formed table and write JSON that parses. Benchmarks are not
// tests: nothing here looks at how long anything took, only at the shape of what came out.
import { execFile } from 'node:child_process';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { systemChromium } from '../support/chromium';
import { repoRoot } from './support/paths';
import { tempDir } from './support/temp-dir';

const COLUMNS = ['benchmark', 'subject', 'subject median ms', 'subject p95 ms', 'baseline', 'baseline median ms', 'baseline p95 ms', 'ratio', 'target'];

interface Stats {
  name: string;
  median: number;
  p95: number;
  samples: number;
}

interface Row {
  benchmark: string;
  file: string;
  unit: string;
  subject: Stats;
  baseline: Stats | null;
  ratio: number | null;
}

/** Splits a Markdown table line into its cells (a `\|` inside a cell is not a separator). */
function cells(line: string): string[] {
  return line
    .replace(/^\|\s?|\s?\|$/gu, '')
    .split(/(?<!\\)\|/u)
    .map((cell) => cell.trim());
}

function expectStats(stats: Stats): void {
  expect(stats.name).not.toBe('');
  expect(Number.isFinite(stats.median) && stats.median >= 0).toBe(true);
  expect(Number.isFinite(stats.p95) && stats.p95 >= stats.median).toBe(true);
  expect(stats.samples).toBeGreaterThan(0);
}

describe('bench harness', () => {
  it('runs every bench file over tiny inputs, prints one table and writes valid JSON', async () => {
    const out = join(await tempDir('margin-bench-harness-'), 'latest.json');
    // A clean environment for the nested vitest: this test's own worker variables would confuse it.
    const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST')));
    const { stdout } = await promisify(execFile)(process.execPath, [join(repoRoot, 'scripts/bench/run.mjs'), '--tiny', '--out', out], {
      cwd: repoRoot,
      env,
      maxBuffer: 16 * 1024 * 1024,
    });

    const lines = stdout.trim().split('\n');
    expect(cells(lines[0] ?? '')).toEqual(COLUMNS);
    expect(cells(lines[1] ?? '')).toEqual(COLUMNS.map(() => '---'));
    const body = lines.slice(2).map(cells);
    expect(body.length).toBeGreaterThan(0);
    const number = /^(\d+(\.\d+)?|-)$/u;
    for (const row of body) {
      expect(row).toHaveLength(COLUMNS.length);
      expect(row[0]).not.toBe('');
      for (const at of [2, 3, 5, 6]) expect(row[at]).toMatch(number);
      expect(row[7]).toMatch(/^(\d+\.\d{2,3}x|-)$/u);
    }

    const json = JSON.parse(await readFile(out, 'utf8')) as { schemaVersion: number; mode: string; machine: { nproc: number; node: string }; rows: Row[]; vitest: { files: unknown[] } | null; vitestExitCode: number };
    expect(json.schemaVersion).toBe(1);
    expect(json.mode).toBe('tiny');
    expect(json.vitestExitCode).toBe(0);
    expect(json.machine.nproc).toBeGreaterThan(0);
    expect(json.machine.node).toBe(process.version);
    expect(json.vitest?.files.length).toBeGreaterThan(0);
    expect(json.rows.map((row) => row.benchmark)).toEqual(body.map((row) => row[0]?.replaceAll('\\|', '|')));
    for (const row of json.rows) {
      expect(row.unit).toBe('ms');
      expectStats(row.subject);
      if (row.baseline === null) expect(row.ratio).toBeNull();
      else {
        expectStats(row.baseline);
        if (row.ratio !== null) expect(Number.isFinite(row.ratio) && row.ratio >= 0).toBe(true);
      }
    }

    // Every bench file contributes rows; the reader's needs a browser, so it may be skipped without one.
    const benchFiles = (await readdir(join(repoRoot, 'tests/bench'))).filter((name) => name.endsWith('.bench.ts')).map((name) => name.replace(/\.bench\.ts$/u, ''));
    const covered = new Set(json.rows.map((row) => row.file));
    const expected = benchFiles.filter((file) => file !== 'reader' || systemChromium() !== undefined);
    expect([...covered].sort()).toEqual(expect.arrayContaining(expected.sort()));
  }, 120_000);
});
