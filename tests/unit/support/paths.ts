import { resolve } from 'node:path';

export const repoRoot = resolve(import.meta.dirname, '../../..');
export const samplePath = resolve(repoRoot, 'assets/sample/ukraine-advance.txt');
export const fixturesDir = resolve(repoRoot, 'tests/fixtures');
