// The second-order test at a critical point of Φ on (S^{d−1})^M (DESIGN.md §3), Φ being
// maximised. The Riemannian Hessian has zero eigenvalues along the O(d)-orbit; the
// Morse–Bott sufficient condition for a strict local maximum modulo symmetry is: exactly
// orbit-dimension eigenvalues zero, every other one negative. Verdicts:
//   strict_local_max  zero cluster = orbit dimension, all others negative;
//   degenerate        more zeros than the orbit explains (undecided at second order —
//                     e.g. the antipodal pair, a strict maximum whose Hessian vanishes),
//                     others non-positive; or K̂ singular (coincident directions);
//   saddle            eigenvalues of both signs beyond the threshold;
//   local_min         all non-zero eigenvalues positive.
// The threshold that calls an eigenvalue zero is stated with every verdict.
#pragma once

#include "twolayer/geometry/orbit.hpp"
#include "twolayer/objective/reduced_hessian.hpp"

#include <Eigen/Eigenvalues>

#include <string>

namespace twolayer {

template <class Real>
struct second_order_result {
  std::string verdict;
  vector<Real> eigenvalues;  // ascending
  Real zero_threshold = 0;
  int zero_modes = 0;
  int orbit_dim = 0;
  int span = 0;
  Real margin = 0;  // smallest |λ| among the non-zero eigenvalues (0 if none)
  int positive = 0;
  int negative = 0;
};

/// Classifies the critical point U. `zero_threshold` is absolute; a natural choice is
/// √ε times the largest |λ| (eigenvalues along the orbit are O(ε) at an exact critical
/// point, the others O(1)).
template <class Real>
second_order_result<Real> second_order_test(const matrix<Real>& U, const Real& zero_threshold,
                                            const Real& singular_tolerance)
{
  second_order_result<Real> result;
  result.zero_threshold = zero_threshold;
  result.span = span_dimension(U, singular_tolerance);
  result.orbit_dim = orbit_dimension(static_cast<int>(U.rows()), result.span);
  const matrix<Real> hessian = reduced_objective_hessian(U, singular_tolerance);
  if (hessian.size() == 0) {
    result.verdict = "degenerate";  // coincident directions: Φ not continuous there
    return result;
  }
  Eigen::SelfAdjointEigenSolver<matrix<Real>> solver(hessian, Eigen::EigenvaluesOnly);
  result.eigenvalues = solver.eigenvalues();
  using std::abs;
  bool any_nonzero = false;
  for (Eigen::Index i = 0; i < result.eigenvalues.size(); ++i) {
    const Real& lambda = result.eigenvalues(i);
    if (abs(lambda) <= zero_threshold) {
      ++result.zero_modes;
      continue;
    }
    (lambda > 0 ? result.positive : result.negative) += 1;
    if (!any_nonzero || abs(lambda) < result.margin)
      result.margin = abs(lambda);
    any_nonzero = true;
  }
  if (result.positive > 0 && result.negative > 0)
    result.verdict = "saddle";
  else if (result.zero_modes > result.orbit_dim)
    result.verdict = "degenerate";
  else if (result.positive > 0)
    result.verdict = "local_min";
  else
    result.verdict = "strict_local_max";
  return result;
}

}  // namespace twolayer
