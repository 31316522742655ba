/**
 * Seeded pseudo-random numbers for bootstraps.
 *
 * Seed contract: `createRng(seed)` with an integer seed in [0, 2³²) yields the same sequence
 * on every platform and every version of this module (changing the algorithm is a breaking
 * change and must update the golden tests). Generator: xoshiro128** 1.1 (Blackman & Vigna
 * 2018); its 128-bit state is filled with four successive outputs of splitmix32 started at
 * `seed` (splitmix32: z += 0x9e3779b9; z = (z ^ z>>>16)·0x21f0aaad; z = (z ^ z>>>15)·0x735a2d97;
 * z ^= z>>>15). `next()` combines two 32-bit outputs into a 53-bit double in [0, 1).
 * Not cryptographic.
 */
import { StatsError } from './errors';

/** A seeded generator. */
export interface Rng {
  /** Next raw 32-bit unsigned integer. */
  nextUint32(): number;
  /** Uniform double in [0, 1) with 53 random bits. */
  next(): number;
  /** Uniform integer in [0, n) without modulo bias (rejection sampling); n in [1, 2³²]. */
  nextInt(n: number): number;
}

/**
 * Creates an xoshiro128** generator.
 *
 * @param seed - integer in [0, 2³²).
 * @returns the generator.
 * @throws {StatsError} `invalid-option` when the seed is not an integer in range.
 * @example
 * ```ts
 * const rng = createRng(1);
 * const i = rng.nextInt(100); // 0..99, reproducible for seed 1
 * ```
 */
export function createRng(seed: number): Rng {
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw new StatsError('invalid-option', `seed must be an integer in [0, 4294967295] (got ${seed})`);
  }
  let z = seed >>> 0;
  const splitmix32 = (): number => {
    z = (z + 0x9e3779b9) >>> 0;
    let t = z;
    t = Math.imul(t ^ (t >>> 16), 0x21f0aaad);
    t = Math.imul(t ^ (t >>> 15), 0x735a2d97);
    return (t ^ (t >>> 15)) >>> 0;
  };
  let s0 = splitmix32();
  let s1 = splitmix32();
  let s2 = splitmix32();
  let s3 = splitmix32();
  if ((s0 | s1 | s2 | s3) === 0) s0 = 1; // all-zero state is invalid (cannot happen in practice)

  const rotl = (x: number, k: number) => (x << k) | (x >>> (32 - k));
  const nextUint32 = (): number => {
    const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = rotl(s3, 11);
    return result;
  };
  return {
    nextUint32,
    next() {
      const hi = nextUint32() >>> 5; // 27 bits
      const lo = nextUint32() >>> 6; // 26 bits
      return (hi * 67108864 + lo) / 9007199254740992;
    },
    nextInt(n: number) {
      if (!Number.isInteger(n) || n < 1 || n > 0x100000000) {
        throw new StatsError('invalid-option', `nextInt bound must be an integer in [1, 2^32] (got ${n})`);
      }
      // Reject the top partial block so every residue is equally likely.
      const limit = 0x100000000 - (0x100000000 % n);
      for (;;) {
        const r = nextUint32();
        if (r < limit) return r % n;
      }
    },
  };
}

/**
 * Bootstrap resample: n indices drawn uniformly with replacement from [0, n).
 *
 * @param rng - generator.
 * @param n - sample size.
 * @param out - optional buffer of length n to fill.
 * @returns the indices.
 * @example
 * ```ts
 * const idx = resampleIndices(createRng(7), 5206);
 * ```
 */
export function resampleIndices(rng: Rng, n: number, out: Int32Array = new Int32Array(n)): Int32Array {
  for (let i = 0; i < n; i++) out[i] = rng.nextInt(n);
  return out;
}

/**
 * One resample as multinomial counts: counts[i] = times case i was drawn among n draws with
 * replacement from {@link createRng}.
 *
 * Bounded integers by Lemire's multiply-and-reject method (Lemire 2019, "Fast random integer
 * generation in an interval", ACM TOMACS 29(1), alg. 5): for a 32-bit u, m = u·n; the index is
 * ⌊m/2³²⌋, rejected when m mod 2³² < 2³² mod n — exactly uniform, and about 3× faster than
 * `rng.nextInt` (which needs a floating-point modulo) in this 26-million-call loop. m < 2⁵³ so
 * the arithmetic is exact in doubles for n < 2²¹; larger n use {@link resampleIndices}.
 *
 * @param rng - generator.
 * @param n - number of cases.
 * @param idx - scratch buffer of length n (used for n ≥ 2²¹).
 * @param counts - output, length n.
 * @example
 * ```ts
 * resampleCounts(createRng(1), 5, new Int32Array(5), counts); // e.g. [2, 0, 1, 1, 1]
 * ```
 */
export function resampleCounts(rng: Rng, n: number, idx: Int32Array, counts: Float64Array): void {
  counts.fill(0);
  if (n >= 2097152) {
    resampleIndices(rng, n, idx);
    for (let i = 0; i < n; i++) counts[idx[i]]++;
    return;
  }
  const threshold = 4294967296 % n;
  for (let i = 0; i < n; i++) {
    let hi: number;
    for (;;) {
      const m = rng.nextUint32() * n;
      hi = Math.floor(m * 2.3283064365386963e-10); // m / 2³², exact
      if (m - hi * 4294967296 >= threshold) break;
    }
    counts[hi]++;
  }
}
