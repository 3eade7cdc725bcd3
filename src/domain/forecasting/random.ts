/**
 * A small seeded pseudo-random generator (sfc32, seeded through splitmix32), so that every
 * forecast is reproducible from its seed. Math.random is never used by the engine.
 */
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

/**
 * Creates a seeded generator.
 * @param seed any finite number; equal seeds give equal sequences.
 * @returns a generator whose state lives in a closure (no allocation per draw).
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
  let spareNormal = 0;
  let hasSpare = false;

  const nextUint32 = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  const reseed = (next: number): void => {
    // Seeds beyond 32 bits keep their high part, so seed + trial stays distinct for large seeds.
    s = (Math.trunc(next) ^ Math.trunc(next / TWO_POW_32)) >>> 0;
    a = mix();
    b = mix();
    c = mix();
    d = mix();
    hasSpare = false;
    // Discard the first draws: sfc32 needs a few rounds to decorrelate from the seed.
    for (let i = 0; i < 12; i++) nextUint32();
  };
  reseed(seed);

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
  return { nextUint32, nextFloat, nextIndex, nextNormal, reseed };
}
