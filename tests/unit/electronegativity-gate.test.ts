// The security scan in `npm test` must fail on an unjustified finding, not just run.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './support/paths';

describe('Electronegativity gate', () => {
  it('fails on a window with an unsafe setting and names the check', () => {
    const run = spawnSync(process.execPath, ['tests/security/electronegativity.mjs', 'tests/fixtures/electronegativity/unsafe-window'], { cwd: repoRoot, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('EXPERIMENTAL_FEATURES_JS_CHECK');
  }, 60_000);
});
