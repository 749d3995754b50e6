// The simplex ETF is the global optimum among compressed networks with nonnegative output scales,
// for every M and d (docs/mathematics.md §3.8). Two pieces of that argument are checked here:
//
//   1. the three facts about the relu kernel k(ρ) = √(1−ρ²) + (π − arccos ρ)ρ that the proof uses —
//      k′ ≥ 0 and k″ ≥ 0 on [−1, 1], and f(τ) = k(τ) + (1 − τ)k′(τ) ≤ k(1) = π there (f′ = (1 − τ)k″ ≥ 0
//      by intervals, and f(1) = π exactly) — by MPFI interval arithmetic on a subdivision of [−1, 1]: `interval_claim`
//      asks whether a function's interval enclosure has a nonnegative lower end on every piece,
//      and refuses the claim at the first piece where it has not;
//   2. the bound itself at any configuration: the maximum over s ≥ 0 of 2·1ᵀs − sᵀK̂s, computed
//      exactly by enumerating supports (at an optimum with support S, K̂_SS y = 1 with y > 0; a
//      singular K̂_SS can be traded for a smaller support of the same value, §3.8), is at most
//      Φ_ETF(M) = M/(π + (M − 1)k(−1/(M − 1))).
#pragma once

#include "twolayer/numeric/matrix.hpp"
#include "twolayer/numeric/scalar.hpp"

#include <Eigen/Cholesky>

#include <functional>
#include <stdexcept>
#include <string>

namespace twolayer {

/// Whether g ≥ 0 on [lower, upper], decided on `pieces` equal subintervals by an interval
/// enclosure of g: holds when every enclosure's lower end is ≥ 0; otherwise `failed_at` names the
/// first piece where it is not (the claim is refused there, which does not prove it false).
struct interval_claim_result {
  bool holds = false;
  int pieces = 0;
  std::string failed_at;
};

template <class Interval>
interval_claim_result interval_claim(const std::function<Interval(const Interval&)>& g, const Interval& lower,
                                     const Interval& upper, int pieces)
{
  if (pieces < 1)
    throw std::invalid_argument("twolayer: interval_claim needs at least one piece");
  interval_claim_result result;
  result.pieces = pieces;
  for (int i = 0; i < pieces; ++i) {
    // the piece [a, b], its ends enclosed (their hull covers the exact piece)
    const Interval a = lower + (upper - lower) * Interval(i) / Interval(pieces);
    const Interval b = lower + (upper - lower) * Interval(i + 1) / Interval(pieces);
    const Interval piece = hull(a, b);
    if (!(boost::multiprecision::lower(g(piece)) >= 0)) {
      result.failed_at = "[" + boost::multiprecision::lower(piece).str(8) + ", " + boost::multiprecision::upper(piece).str(8) + "]";
      return result;
    }
  }
  result.holds = true;
  return result;
}

/// The relu kernel's angular part and its first two derivatives, over an interval of ρ ⊂ [−1, 1]
/// (arccos(−ρ) = π − arccos ρ keeps k′ inside [0, π] under rounding).
template <class Interval>
Interval relu_angular_kernel(const Interval& rho)
{
  return sqrt(Interval(1) - rho * rho) + acos(Interval(-rho)) * rho;
}
template <class Interval>
Interval relu_angular_kernel_slope(const Interval& rho)
{
  return acos(Interval(-rho));
}
template <class Interval>
Interval relu_angular_kernel_curvature(const Interval& rho)
{
  return Interval(1) / sqrt(Interval(1) - rho * rho);
}

/// The facts of §3.8 on [−1, 1] that need a computation: k′ ≥ 0, k″ ≥ 0 and f′ = (1 − τ)k″ ≥ 0. The
/// remaining one, f(1) = k(1) = √0 + (π − arccos 1)·1 = π, is exact algebra (an enclosure could only
/// straddle it).
struct nonnegative_scales_facts {
  interval_claim_result increasing, convex, tangent_increasing;
  bool all() const { return increasing.holds && convex.holds && tangent_increasing.holds; }
};

template <class Interval>
nonnegative_scales_facts check_nonnegative_scales_facts(int pieces)
{
  const Interval minus_one(-1), one(1);
  nonnegative_scales_facts facts;
  facts.increasing = interval_claim<Interval>([](const Interval& r) { return relu_angular_kernel_slope(r); }, minus_one, one, pieces);
  facts.convex = interval_claim<Interval>([](const Interval& r) { return relu_angular_kernel_curvature(r); }, minus_one, one, pieces);
  facts.tangent_increasing = interval_claim<Interval>(
      [](const Interval& t) { return Interval((Interval(1) - t) * relu_angular_kernel_curvature(t)); }, minus_one, one, pieces);
  return facts;
}

/// max over s ≥ 0 of 2·1ᵀs − sᵀKs for K positive semidefinite with a positive diagonal, and the
/// maximising s: the largest 1ᵀy over supports S with K_SS invertible (pivots above
/// `singular_tolerance` times the largest diagonal entry) and y = K_SS⁻¹1 ≥ 0. M ≤ 20.
template <class Real>
struct nonnegative_scales_optimum {
  Real value = 0;
  vector<Real> scales;
};

template <class Real>
nonnegative_scales_optimum<Real> max_over_nonnegative_scales(const matrix<Real>& K, const Real& singular_tolerance)
{
  const Eigen::Index M = K.rows();
  if (M < 1 || M > 20 || K.cols() != M)
    throw std::invalid_argument("twolayer: max_over_nonnegative_scales needs a square K with 1 <= M <= 20");
  nonnegative_scales_optimum<Real> best;
  best.scales = vector<Real>::Zero(M);
  const Real scale = K.diagonal().maxCoeff();
  for (unsigned long subset = 1; subset < (1UL << M); ++subset) {
    std::vector<Eigen::Index> support;
    for (Eigen::Index j = 0; j < M; ++j)
      if (subset >> j & 1UL)
        support.push_back(j);
    const Eigen::Index m = static_cast<Eigen::Index>(support.size());
    matrix<Real> block(m, m);
    for (Eigen::Index a = 0; a < m; ++a)
      for (Eigen::Index b = 0; b < m; ++b)
        block(a, b) = K(support[a], support[b]);
    const Eigen::LDLT<matrix<Real>> ldlt(block);
    if (ldlt.info() != Eigen::Success || !(ldlt.vectorD().minCoeff() > singular_tolerance * scale))
      continue;
    const vector<Real> y = ldlt.solve(vector<Real>::Ones(m));
    if (y.minCoeff() < 0)
      continue;
    const Real value = y.sum();
    if (value > best.value) {
      best.value = value;
      best.scales.setZero();
      for (Eigen::Index a = 0; a < m; ++a)
        best.scales(support[a]) = y(a);
    }
  }
  return best;
}

}  // namespace twolayer
