// The benchmarks' one source of randomness: xorshift32, tiny, fast, and the same sequence on
// every machine, so every run measures the same inputs.
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
