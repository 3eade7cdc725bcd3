/**
 * Headway's one source of seeded pseudo-random numbers: same seed, same sequence, on every
 * platform. Engines never call Math.random, so plans, searches, forecasts, demos and synthetic
 * histories are reproducible from their seed.
 */

/** A seeded pseudo-random generator. Its methods are closures: they may be passed around alone. */
export interface Random {
  /** A uniform integer in [0, 2^32). */
  nextUint32(): number;
  /** A uniform float in [0, 1). */
  nextFloat(): number;
  /** A uniform integer in [0, n) for a positive integer n. */
  nextIndex(n: number): number;
  /** A standard normal variate (mean 0, standard deviation 1). */
  nextNormal(): number;
  /** Restarts the sequence from a new seed, without allocating. */
  reseed(seed: number): void;
}

const TWO_POW_32 = 4294967296;

/** Builds the float, index and normal draws on top of a 32-bit source. */
function fromUint32(nextUint32: () => number, reseedState: (seed: number) => void): Random {
  let spareNormal = 0;
  let hasSpare = false;
  const nextFloat = (): number => nextUint32() / TWO_POW_32;
  const nextIndex = (n: number): number => Math.floor((nextUint32() / TWO_POW_32) * n);
  const nextNormal = (): number => {
    if (hasSpare) {
      hasSpare = false;
      return spareNormal;
    }
    // Box–Muller; 1 - u keeps the logarithm away from zero.
    const u = 1 - nextFloat();
    const v = nextFloat();
    const r = Math.sqrt(-2 * Math.log(u));
    spareNormal = r * Math.sin(2 * Math.PI * v);
    hasSpare = true;
    return r * Math.cos(2 * Math.PI * v);
  };
  const reseed = (seed: number): void => {
    reseedState(seed);
    hasSpare = false;
  };
  return { nextUint32, nextFloat, nextIndex, nextNormal, reseed };
}

/**
 * Creates the default generator: sfc32 with 128 bits of state, seeded through splitmix32, for
 * Monte Carlo work where long, well-spread sequences matter.
 * @param seed any finite number; equal seeds give equal sequences
 * @returns a generator whose state lives in a closure (no allocation per draw)
 */
export function createRandom(seed: number): Random {
  // splitmix32 spreads a small or similar seed over the whole 128-bit state.
  let s = 0;
  const mix = (): number => {
    s = (s + 0x9e3779b9) | 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
    z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
    return (z ^ (z >>> 15)) >>> 0;
  };
  let a = 0;
  let b = 0;
  let c = 0;
  let d = 0;
  const nextUint32 = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  const random = fromUint32(nextUint32, (next) => {
    // Seeds beyond 32 bits keep their high part, so seed + trial stays distinct for large seeds.
    s = (Math.trunc(next) ^ Math.trunc(next / TWO_POW_32)) >>> 0;
    a = mix();
    b = mix();
    c = mix();
    d = mix();
    // Discard the first draws: sfc32 needs a few rounds to decorrelate from the seed.
    for (let i = 0; i < 12; i++) nextUint32();
  });
  random.reseed(seed);
  return random;
}

/**
 * Creates a small, fast generator: mulberry32, 32 bits of state. Good enough for search
 * heuristics, demo data and synthetic histories, whose recorded results depend on its sequence.
 * @param seed any integer; only its low 32 bits matter
 * @returns a deterministic generator
 */
export function createSmallRandom(seed: number): Random {
  let state = 0;
  const nextUint32 = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
  const random = fromUint32(nextUint32, (next) => {
    state = next >>> 0;
  });
  random.reseed(seed);
  return random;
}
