/**
 * Exact linear-programming solver for quantile (L1) regression.
 *
 * minimise Σ ρ_τ(y_i − x_i'β), ρ_τ(u) = u·(τ − 1[u < 0]).
 *
 * The solution is a vertex of the LP: β interpolates p "basic" observations (X_h β = y_h).
 * Like the Barrodale–Roberts simplex used by R quantreg's default `method = "br"` (Koenker &
 * d'Orey 1987, AS 229; Koenker 2005 §6.2), the solver moves from vertex to vertex along the
 * 2p edges that free one basic observation, and on the chosen edge takes the longest
 * descending step — a weighted-median line search over all residual sign changes — so one
 * iteration crosses many simplex vertices. At the optimum every edge derivative is ≥ 0, i.e.
 * c = X_h⁻ᵀ Σ_{i∉h} ψ_τ(r_i) x_i lies in [τ − 1, τ]^p (Koenker 2005, Theorem 2.1). When the
 * minimiser is unique it is the vertex R's rq.fit.br returns (checked against quantreg 5.94 to
 * ~1e-15, see qreg.test.ts); when a flat edge remains the result is flagged `nonunique`, as R
 * warns "Solution may be nonunique".
 *
 * Degeneracy (ties: more than p zero residuals, common with discrete data) is resolved by a
 * symbolic perturbation y_i + ε·π_i with fixed pseudo-random π (Charnes' perturbation method):
 * residual signs and line-search ties are decided by the ε-part, so every step strictly
 * decreases the perturbed objective and the method cannot cycle; the final vertex is optimal
 * for the unperturbed problem (its perturbed signs certify the subgradient condition).
 */
import { StatsError } from './errors';

/** Options of {@link solveQuantileLp}. */
export interface QuantileLpOptions {
  /** Starting guess of β (e.g. least squares); the start vertex is built near it. */
  initial?: ArrayLike<number>;
  /** Starting basis (p row indices, e.g. the optimal basis at a nearby τ). */
  basis?: ArrayLike<number>;
  /** Iteration cap (default 50·n + 1000). */
  maxIterations?: number;
}

/** An optimal vertex. */
export interface QuantileLpSolution {
  coefficients: Float64Array;
  /** y − Xβ (exactly 0 at the basic observations). */
  residuals: Float64Array;
  /** Indices of the p observations interpolated by β. */
  basis: Int32Array;
  /** Σ ρ_τ(r_i). */
  objective: number;
  iterations: number;
  /** Some edge out of the optimal vertex is flat: other minimisers exist. */
  nonunique: boolean;
}

/** Relative tolerance for "residual is zero" (R's rqbr uses ε^(2/3) ≈ 3.7e-11). */
const ZERO_RESIDUAL = 1e-11;
/** Tolerance on edge derivatives (the c_j are sums of n terms; rounding ≈ n·1e-16). */
const DERIVATIVE_TOL = 1e-10;

/**
 * Solves the quantile-regression LP exactly.
 *
 * @param x - design, row-major n×p (x[i*p + j]); must have full column rank.
 * @param y - response (length n).
 * @param p - number of columns.
 * @param tau - quantile in (0, 1).
 * @param options - starting point / basis, iteration cap.
 * @returns the optimal vertex.
 * @throws {StatsError} `invalid-option` for τ outside (0, 1); `collinear` when no p linearly
 *   independent rows exist; `not-converged` when the iteration cap is hit.
 * @example
 * ```ts
 * // median of 1, 2, 10 (intercept-only design)
 * solveQuantileLp(Float64Array.of(1, 1, 1), Float64Array.of(1, 2, 10), 1, 0.5).coefficients; // [2]
 * ```
 */
export function solveQuantileLp(
  x: Float64Array,
  y: Float64Array,
  p: number,
  tau: number,
  options: QuantileLpOptions = {},
): QuantileLpSolution {
  if (!(tau > 0 && tau < 1)) throw new StatsError('invalid-option', `tau must be strictly between 0 and 1 (got ${tau})`);
  const n = y.length;
  if (x.length !== n * p) throw new StatsError('invalid-option', `design has ${x.length} cells, expected ${n}×${p}`);
  if (n <= p) throw new StatsError('too-few-observations', `n (${n}) must exceed the number of parameters (${p})`);
  let seed = 0;
  let pert = perturbation(n, seed);
  // Absolute floor of the zero-residual tolerance: a robust scale of y (median |y|), so that a
  // residual of 1e-17 at an observation with y = 0 and a tiny fit still counts as zero.
  const absY = Float64Array.from(y, Math.abs).sort();
  const yScale = absY[n >> 1] > 0 ? absY[n >> 1] : absY[n - 1];
  const zeroFloor = ZERO_RESIDUAL * yScale;
  const basis = options.basis ? validBasis(x, n, p, options.basis) : null;
  const h = basis ?? startBasis(x, y, n, p, tau, options.initial);
  const inBasis = new Uint8Array(n);
  for (const i of h) inBasis[i] = 1;

  const beta = new Float64Array(p);
  const gamma = new Float64Array(p);
  const r = new Float64Array(n);
  const s = new Float64Array(n);
  const sgn = new Int8Array(n);
  const zero = new Uint8Array(n);
  const a = new Float64Array(p);
  const c = new Float64Array(p);
  const delta = new Float64Array(p);
  const bMat = new Float64Array(p * p);
  const perm = new Int32Array(p);
  const rhs = new Float64Array(p);
  const candKey1 = new Float64Array(n);
  const candKey2 = new Float64Array(n);
  const candW = new Float64Array(n);
  const candIdx = new Int32Array(n);

  const maxIter = options.maxIterations ?? 50 * n + 1000;
  let iter = 0;
  let best = 0;
  // Anti-cycling safeguard: bases visited since the objective last decreased. Rounding can
  // misjudge a zero residual and defeat the perturbation; on a repeated basis we re-draw π.
  const visited = new Set<string>();
  let lastObjective = Infinity;
  for (;;) {
    // Factor the basis matrix and place the vertex: β = X_h⁻¹ y_h, γ = X_h⁻¹ π_h.
    for (let k = 0; k < p; k++) for (let j = 0; j < p; j++) bMat[k * p + j] = x[h[k] * p + j];
    if (!luFactor(bMat, perm, p)) throw new StatsError('not-converged', 'quantile regression: the simplex basis became singular (the design is ill-conditioned)');
    for (let k = 0; k < p; k++) rhs[k] = y[h[k]];
    luSolve(bMat, perm, p, rhs, beta);
    for (let k = 0; k < p; k++) rhs[k] = pert[h[k]];
    luSolve(bMat, perm, p, rhs, gamma);

    // Residuals, their (perturbed) signs, and a = Σ_{i∉h} ψ_τ(r_i) x_i.
    a.fill(0);
    let objective = 0;
    for (let i = 0; i < n; i++) {
      const o = i * p;
      let fit = 0;
      let absFit = 0;
      for (let j = 0; j < p; j++) {
        const v = x[o + j] * beta[j];
        fit += v;
        absFit += Math.abs(v);
      }
      if (inBasis[i]) {
        r[i] = 0;
        s[i] = 0;
        sgn[i] = 0;
        zero[i] = 1;
        continue;
      }
      const ri = y[i] - fit;
      r[i] = ri;
      const isZero = Math.abs(ri) <= ZERO_RESIDUAL * (Math.abs(y[i]) + absFit) + zeroFloor;
      objective += ri * (ri < 0 ? tau - 1 : tau);
      zero[i] = isZero ? 1 : 0;
      // The ε-part of the residual, π_i − x_i'γ, is only needed where the residual is zero
      // (it then decides the sign and the order of the line-search breakpoints).
      let si = 0;
      if (isZero) {
        si = pert[i];
        for (let j = 0; j < p; j++) si -= x[o + j] * gamma[j];
      }
      s[i] = si;
      const sign = isZero ? (si >= 0 ? 1 : -1) : ri > 0 ? 1 : -1;
      sgn[i] = sign;
      const psi = sign > 0 ? tau : tau - 1;
      for (let j = 0; j < p; j++) a[j] += psi * x[o + j];
    }
    // c = X_h⁻ᵀ a; edge j downward (σ = +1, basic residual becomes negative) has derivative
    // (1 − τ) − c_j, upward (σ = −1) τ + c_j.
    luSolveTransposed(bMat, perm, p, a, c);
    best = 0;
    let bestJ = -1;
    let bestSigma = 0;
    for (let j = 0; j < p; j++) {
      const dPlus = 1 - tau - c[j];
      const dMinus = tau + c[j];
      if (dPlus < best) {
        best = dPlus;
        bestJ = j;
        bestSigma = 1;
      }
      if (dMinus < best) {
        best = dMinus;
        bestJ = j;
        bestSigma = -1;
      }
    }
    if (bestJ < 0 || best >= -DERIVATIVE_TOL) break;
    if (++iter > maxIter) {
      throw new StatsError('not-converged', `quantile regression (tau = ${tau}) did not converge in ${maxIter} simplex iterations`);
    }
    if (objective < lastObjective - 1e-13 * Math.abs(lastObjective)) {
      visited.clear();
      lastObjective = objective;
    } else {
      const key = Array.from(h).sort((u, v) => u - v).join(',');
      if (visited.has(key)) {
        if (++seed > 20) {
          throw new StatsError('not-converged', `quantile regression (tau = ${tau}): the simplex cycles on degenerate data`);
        }
        pert = perturbation(n, seed);
        visited.clear();
        continue;
      }
      visited.add(key);
    }

    // Edge direction δ = σ X_h⁻¹ e_j; residuals move as r_i(t) = r_i − t·x_i'δ.
    rhs.fill(0);
    rhs[bestJ] = bestSigma;
    luSolve(bMat, perm, p, rhs, delta);
    let nc = 0;
    for (let i = 0; i < n; i++) {
      if (inBasis[i]) continue;
      const o = i * p;
      let zi = 0;
      let scale = 0;
      for (let j = 0; j < p; j++) {
        const v = x[o + j] * delta[j];
        zi += v;
        scale += Math.abs(v);
      }
      if (Math.abs(zi) <= 1e-13 * scale || zi === 0) continue;
      // The residual crosses zero at t > 0 only if it has the sign of z_i.
      if ((zi > 0 ? 1 : -1) !== sgn[i]) continue;
      // Breakpoint t_i = r_i / z_i, ordered lexicographically by (t_i, ε-part s_i / z_i);
      // exact ties among nonzero residuals fall back to the row order (the step is then
      // non-degenerate, so the objective still decreases strictly).
      candKey1[nc] = zero[i] ? 0 : r[i] / zi;
      candKey2[nc] = zero[i] ? s[i] / zi : i;
      candW[nc] = Math.abs(zi);
      candIdx[nc] = i;
      nc++;
    }
    // Weighted-median line search: the first breakpoint (in order) at which the slope
    // best + Σ|z| turns ≥ 0, found by weighted quickselect in O(n).
    const pick = weightedSelect(candKey1, candKey2, candW, nc, -best);
    const enter = pick < 0 ? -1 : candIdx[pick];
    if (enter < 0) {
      throw new StatsError('collinear', `quantile regression (tau = ${tau}) is unbounded: the design does not have full column rank`);
    }
    inBasis[h[bestJ]] = 0;
    h[bestJ] = enter;
    inBasis[enter] = 1;
  }

  // Final vertex (β from the last factorization), exact residuals and flat-edge check.
  const residuals = new Float64Array(n);
  let objective = 0;
  for (let i = 0; i < n; i++) {
    let fit = 0;
    for (let j = 0; j < p; j++) fit += x[i * p + j] * beta[j];
    const ri = inBasis[i] ? 0 : y[i] - fit;
    residuals[i] = ri;
    objective += ri * (ri < 0 ? tau - 1 : tau);
  }
  let nonunique = false;
  for (let j = 0; j < p; j++) {
    if (Math.abs(1 - tau - c[j]) <= DERIVATIVE_TOL * 10 || Math.abs(tau + c[j]) <= DERIVATIVE_TOL * 10) nonunique = true;
  }
  return { coefficients: beta, residuals, basis: h, objective, iterations: iter, nonunique };
}

const selectOrder = { buf: new Int32Array(0) };

/**
 * Weighted selection: the position k (into the candidate arrays) of the first breakpoint, in
 * lexicographic (key1, key2) order, at which the cumulative weight reaches `need`; −1 if the
 * total weight is smaller. Expected O(nc) (quickselect with median-of-three pivots).
 */
function weightedSelect(key1: Float64Array, key2: Float64Array, w: Float64Array, nc: number, need: number): number {
  if (selectOrder.buf.length < nc) selectOrder.buf = new Int32Array(Math.max(nc, 1024));
  const ord = selectOrder.buf;
  for (let k = 0; k < nc; k++) ord[k] = k;
  const cmp = (u: number, v: number) => (key1[u] < key1[v] ? -1 : key1[u] > key1[v] ? 1 : key2[u] < key2[v] ? -1 : key2[u] > key2[v] ? 1 : 0);
  let lo = 0;
  let hi = nc - 1;
  let remaining = need;
  while (lo <= hi) {
    // Median-of-three pivot.
    const mid = (lo + hi) >> 1;
    let a = ord[lo];
    let b = ord[mid];
    const c = ord[hi];
    if (cmp(a, b) > 0) [a, b] = [b, a];
    const pivot = cmp(b, c) <= 0 ? b : cmp(a, c) <= 0 ? c : a;
    // Three-way partition of ord[lo..hi] into < pivot, = pivot, > pivot.
    let lt = lo;
    let gt = hi;
    let k = lo;
    while (k <= gt) {
      const d = cmp(ord[k], pivot);
      if (d < 0) {
        const t = ord[lt];
        ord[lt++] = ord[k];
        ord[k++] = t;
      } else if (d > 0) {
        const t = ord[gt];
        ord[gt--] = ord[k];
        ord[k] = t;
      } else k++;
    }
    let wLess = 0;
    for (let q = lo; q < lt; q++) wLess += w[ord[q]];
    if (wLess >= remaining) {
      hi = lt - 1;
      continue;
    }
    let acc = wLess;
    for (let q = lt; q <= gt; q++) {
      acc += w[ord[q]];
      if (acc >= remaining) return ord[q];
    }
    remaining -= acc;
    lo = gt + 1;
  }
  return -1;
}

/** Fixed pseudo-random perturbation π_i ∈ (0, 1) (splitmix32; deterministic per seed). */
function perturbation(n: number, seed: number): Float64Array {
  const out = new Float64Array(n);
  let state = (0x9e3779b9 + Math.imul(seed, 0x632be5ab)) | 0;
  for (let i = 0; i < n; i++) {
    state = (state + 0x9e3779b9) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 16), 0x85ebca6b);
    t = Math.imul(t ^ (t >>> 13), 0xc2b2ae35);
    t ^= t >>> 16;
    out[i] = ((t >>> 0) + 0.5) / 4294967296;
  }
  return out;
}

/**
 * A starting basis: rows closest to the τ-quantile of the residuals from `initial` (or of y),
 * taken greedily while they stay linearly independent (Gram–Schmidt on the rows).
 */
function startBasis(
  x: Float64Array,
  y: Float64Array,
  n: number,
  p: number,
  tau: number,
  initial: ArrayLike<number> | undefined,
): Int32Array {
  const r0 = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let fit = 0;
    if (initial) for (let j = 0; j < p; j++) fit += x[i * p + j] * initial[j];
    r0[i] = y[i] - fit;
  }
  const sorted = Float64Array.from(r0).sort();
  const q = sorted[Math.min(n - 1, Math.max(0, Math.ceil(n * tau) - 1))];
  const idx = Array.from({ length: n }, (_, i) => i);
  idx.sort((u, v) => Math.abs(r0[u] - q) - Math.abs(r0[v] - q) || u - v);
  return greedyIndependent(x, n, p, idx);
}

function greedyIndependent(x: Float64Array, n: number, p: number, candidates: ArrayLike<number>): Int32Array {
  const basis = new Int32Array(p);
  const qRows: Float64Array[] = [];
  const v = new Float64Array(p);
  for (let k = 0; k < candidates.length && qRows.length < p; k++) {
    const i = candidates[k];
    let norm0 = 0;
    for (let j = 0; j < p; j++) {
      v[j] = x[i * p + j];
      norm0 += v[j] * v[j];
    }
    if (norm0 === 0) continue;
    // Two passes of modified Gram–Schmidt for stability.
    for (let pass = 0; pass < 2; pass++) {
      for (const qv of qRows) {
        let d = 0;
        for (let j = 0; j < p; j++) d += qv[j] * v[j];
        for (let j = 0; j < p; j++) v[j] -= d * qv[j];
      }
    }
    let norm = 0;
    for (let j = 0; j < p; j++) norm += v[j] * v[j];
    // Require a well-conditioned start (1e-6 relative), not just nonsingularity.
    if (norm <= 1e-12 * norm0) continue;
    const inv = 1 / Math.sqrt(norm);
    qRows.push(Float64Array.from(v, (e) => e * inv));
    basis[qRows.length - 1] = i;
  }
  if (qRows.length < p) {
    throw new StatsError('collinear', 'quantile regression: the design matrix does not have full column rank');
  }
  return basis;
}

function validBasis(x: Float64Array, n: number, p: number, start: ArrayLike<number>): Int32Array | null {
  if (start.length !== p) return null;
  const b = new Float64Array(p * p);
  for (let k = 0; k < p; k++) {
    const i = start[k];
    if (!(i >= 0 && i < n)) return null;
    for (let j = 0; j < p; j++) b[k * p + j] = x[i * p + j];
  }
  if (!luFactor(b, new Int32Array(p), p)) return null;
  return Int32Array.from(start);
}

/** In-place LU with partial pivoting (row-major p×p). Returns false when (near-)singular. */
function luFactor(m: Float64Array, perm: Int32Array, p: number): boolean {
  let maxAbs = 0;
  for (let k = 0; k < p * p; k++) maxAbs = Math.max(maxAbs, Math.abs(m[k]));
  if (maxAbs === 0) return false;
  for (let k = 0; k < p; k++) perm[k] = k;
  for (let k = 0; k < p; k++) {
    let piv = k;
    let pmax = Math.abs(m[k * p + k]);
    for (let i = k + 1; i < p; i++) {
      const v = Math.abs(m[i * p + k]);
      if (v > pmax) {
        pmax = v;
        piv = i;
      }
    }
    if (pmax <= 1e-14 * maxAbs) return false;
    if (piv !== k) {
      for (let j = 0; j < p; j++) {
        const t = m[k * p + j];
        m[k * p + j] = m[piv * p + j];
        m[piv * p + j] = t;
      }
      const t = perm[k];
      perm[k] = perm[piv];
      perm[piv] = t;
    }
    const d = m[k * p + k];
    for (let i = k + 1; i < p; i++) {
      const f = (m[i * p + k] /= d);
      if (f !== 0) for (let j = k + 1; j < p; j++) m[i * p + j] -= f * m[k * p + j];
    }
  }
  return true;
}

/** Solves B u = b given the LU factors of B (P B = L U). */
function luSolve(lu: Float64Array, perm: Int32Array, p: number, b: Float64Array, out: Float64Array): void {
  for (let i = 0; i < p; i++) out[i] = b[perm[i]];
  for (let i = 0; i < p; i++) {
    let v = out[i];
    for (let j = 0; j < i; j++) v -= lu[i * p + j] * out[j];
    out[i] = v;
  }
  for (let i = p - 1; i >= 0; i--) {
    let v = out[i];
    for (let j = i + 1; j < p; j++) v -= lu[i * p + j] * out[j];
    out[i] = v / lu[i * p + i];
  }
}

/** Solves Bᵀ u = b given the LU factors of B: Uᵀ w = b, Lᵀ v = w, u = Pᵀ v. */
function luSolveTransposed(lu: Float64Array, perm: Int32Array, p: number, b: Float64Array, out: Float64Array): void {
  const w = new Float64Array(p);
  for (let i = 0; i < p; i++) {
    let v = b[i];
    for (let j = 0; j < i; j++) v -= lu[j * p + i] * w[j];
    w[i] = v / lu[i * p + i];
  }
  for (let i = p - 1; i >= 0; i--) {
    let v = w[i];
    for (let j = i + 1; j < p; j++) v -= lu[j * p + i] * w[j];
    w[i] = v;
  }
  for (let i = 0; i < p; i++) out[perm[i]] = w[i];
}
