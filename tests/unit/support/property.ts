// Every property test runs from one fixed seed, so a failure comes back on the next run and on
// another machine. fast-check prints the seed and the path of the failing case in its message;
// MARGIN_PROP_SEED=<seed> replays it (or tries other cases), MARGIN_PROP_RUNS sets how many.
import fc from 'fast-check';
import { seedFrom } from '../../support/seeded';

export const PROPERTY_SEED = seedFrom('MARGIN_PROP_SEED', 1312);

/** How many cases a property tries: MARGIN_PROP_RUNS when set, else the test's own number. */
export function propertyRuns(fallback: number): number {
  return Number(process.env.MARGIN_PROP_RUNS ?? fallback);
}

/** fast-check's assert, from the fixed seed. */
export function checkProperty<Ts>(property: fc.IProperty<Ts>, runs: number): void {
  fc.assert(property, { numRuns: runs, seed: PROPERTY_SEED });
}
