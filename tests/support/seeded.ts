// The tests' and benchmarks' one source of randomness: xorshift32, tiny, fast, and the same
// sequence on every machine, so a run that found something finds it again from its seed.
export function seeded(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 0x1_0000_0000;
  };
}

/**
 * The seed a randomised test runs from: the environment variable `name` when set (to replay or
 * vary a run), else the test's fixed default. Tests print it in their name so a failure shows it.
 */
export function seedFrom(name: string, fallback: number): number {
  const given = process.env[name];
  if (given === undefined || given === '') return fallback;
  const seed = Number(given);
  if (!Number.isSafeInteger(seed)) throw new Error(`${name} must be a whole number, not "${given}".`);
  return seed;
}
