// Keeps the tests honest about time and chance: no fixed sleeps, no clock in an assertion, no
// unseeded randomness. A test that sleeps passes on a quiet machine and fails on a busy one (or
// passes for the wrong reason); one that measures time asserts on the machine, not the code.
// Timings belong in tests/bench (outside this scan), beside a baseline.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seeded, seedFrom } from '../support/seeded';
import { PROPERTY_SEED, checkProperty } from './support/property';
import { repoRoot } from './support/paths';

const SCANNED = ['tests/unit', 'tests/e2e', 'tests/electron', 'tests/support', 'tests/crash'];
const THIS_FILE = 'tests/unit/test-honesty.test.ts';

const RULES: { name: string; pattern: RegExp }[] = [
  { name: 'a fixed wait in Playwright (wait for the locator, the request or the event)', pattern: /\bwaitForTimeout\(/u },
  // test.setTimeout(...) sets Playwright's limit for a test; it waits for nothing.
  { name: 'setTimeout (wait for the event, not a moment)', pattern: /(?<!\btest\.)\bsetTimeout\(/u },
  { name: 'a sleep from timers/promises', pattern: /\bsetTimeout as \w+\b/u },
  { name: 'a duration measured (move it to tests/bench)', pattern: /\b(?:Date|performance)\.now\(\)\s*-\s*[A-Za-z_]/u },
  { name: 'Math.random (use seeded() from tests/support/seeded.ts with a printed seed)', pattern: /\bMath\.random\(/u },
  { name: 'fast-check without the fixed seed (use checkProperty from tests/unit/support/property.ts)', pattern: /\bfc\.assert\(/u },
];

/** Where a timer is itself the thing under test, each with why. Every entry must still match. */
const ALLOWED: { file: string; rule: string; why: string }[] = [
  {
    file: 'tests/unit/store-crash.test.ts',
    rule: 'a sleep from timers/promises',
    why: 'the moment of the SIGKILL is what the crash test varies; it comes from the printed MARGIN_CRASH_SEED',
  },
  {
    file: 'tests/unit/support/property.ts',
    rule: 'fast-check without the fixed seed (use checkProperty from tests/unit/support/property.ts)',
    why: 'checkProperty itself: the one call of fc.assert, and it passes the fixed seed',
  },
  {
    file: 'tests/unit/support/package-dir.ts',
    rule: 'a duration measured (move it to tests/bench)',
    why: "electron-builder's build time is printed in the test log for whoever waits on it; nothing asserts on it",
  },
];

function sourceFiles(dir: string): string[] {
  return readdirSync(join(repoRoot, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(?:[cm]?ts|[cm]?js)$/u.test(entry.name))
    .map((entry) => relative(repoRoot, join(entry.parentPath, entry.name)))
    .filter((file) => file !== THIS_FILE);
}

/** Every line of the scanned tests that breaks a rule, as "file:line rule". */
function findings(): { file: string; line: number; rule: string }[] {
  const found: { file: string; line: number; rule: string }[] = [];
  for (const file of SCANNED.flatMap(sourceFiles)) {
    readFileSync(join(repoRoot, file), 'utf8')
      .split('\n')
      .forEach((text, index) => {
        // Comments may name what they avoid.
        const code = text.replace(/\/\/.*$/u, '');
        for (const rule of RULES) if (rule.pattern.test(code)) found.push({ file, line: index + 1, rule: rule.name });
      });
  }
  return found;
}

describe('the tests wait for events, not for time', () => {
  const all = findings();
  const allowed = (f: { file: string; rule: string }) => ALLOWED.some((a) => a.file === f.file && a.rule === f.rule);

  it('no test sleeps, measures a duration, rolls unseeded dice or runs a property without the seed', () => {
    expect(all.filter((f) => !allowed(f)).map((f) => `${f.file}:${f.line} ${f.rule}`)).toEqual([]);
  });

  it('every allowed timer is still there and says why', () => {
    for (const entry of ALLOWED) {
      expect(entry.why.length, `${entry.file}: say why`).toBeGreaterThan(20);
      expect(all.some((f) => f.file === entry.file && f.rule === entry.rule), `${entry.file}: ${entry.rule} is gone; remove it from ALLOWED`).toBe(true);
    }
  });

  it('the scan catches each kind of shortcut', () => {
    const catches = (line: string) => RULES.filter((rule) => rule.pattern.test(line)).map((rule) => rule.name);
    for (const line of [
      'await page.waitForTimeout(1000);',
      'await new Promise((r) => setTimeout(r, 20));',
      "import { setTimeout as sleep } from 'node:timers/promises';",
      'expect(Date.now() - started).toBeLessThan(1_000);',
      'expect(performance.now() - began).toBeLessThan(2000);',
      'const pick = Math.random();',
      'fc.assert(fc.property(fc.nat(), () => true));',
    ]) {
      expect(catches(line), line).toHaveLength(1);
    }
    for (const line of ['test.setTimeout(240_000);', 'const longAgo = new Date(Date.now() - 60_000);', 'await setImmediate();']) {
      expect(catches(line), line).toEqual([]);
    }
  });
});

describe('randomised tests replay from their seed', () => {
  it('a failing property names the seed it ran from', () => {
    expect(() => checkProperty(fc.property(fc.nat(), (n) => n < 0), 10)).toThrow(`seed: ${PROPERTY_SEED}`);
  });

  it('the same seed gives the same sequence; a seed from the environment must be a whole number', () => {
    const draw = (seed: number) => Array.from({ length: 5 }, seeded(seed));
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
    process.env.MARGIN_TEST_SEED_PROBE = '17';
    expect(seedFrom('MARGIN_TEST_SEED_PROBE', 1)).toBe(17);
    process.env.MARGIN_TEST_SEED_PROBE = 'soon';
    expect(() => seedFrom('MARGIN_TEST_SEED_PROBE', 1)).toThrow('MARGIN_TEST_SEED_PROBE must be a whole number, not "soon".');
    delete process.env.MARGIN_TEST_SEED_PROBE;
    expect(seedFrom('MARGIN_TEST_SEED_PROBE', 1)).toBe(1);
  });
});
