// The reduced objective Φ(U) = 1ᵀK̂(U)⁻¹1 (docs/mathematics.md §3) as a problem on
// (S^{d−1})^M (manifold/problem.hpp): value, Riemannian gradient (objective/
// reduced_objective.hpp) and the analytic Riemannian Hessian (objective/reduced_hessian.hpp),
// `degenerate` where K̂ is singular (geometry/feature_dependence.hpp). Every solver and test in the
// toolkit reaches Φ through this one problem.
#pragma once

#include "twolayer/manifold/problem.hpp"
#include "twolayer/manifold/sphere_product.hpp"
#include "twolayer/objective/reduced_hessian.hpp"
#include "twolayer/objective/reduced_objective.hpp"

namespace twolayer {

template <class Real>
struct reduced_objective_problem {
  Real singular_tolerance;  // K̂ is singular when a pivot falls below this times π

  sphere_evaluation<Real> operator()(const matrix<Real>& U) const
  {
    const auto phi = reduced_objective(U, singular_tolerance);
    if (phi.degenerate)
      return sphere_evaluation<Real>{true, Real(0), matrix<Real>()};
    return sphere_evaluation<Real>{false, phi.value,
                                   sphere_product::project(U, reduced_objective_euclidean_gradient(U, phi.scales))};
  }

  /// Tᵀ Hess Φ(U) T in the tangent coordinates of sphere_product::tangent_bases(U).
  matrix<Real> hessian(const matrix<Real>& U) const { return reduced_objective_hessian(U, singular_tolerance); }
};

/// Φ as a problem, K̂ called singular below `singular_tolerance`·π.
template <class Real>
reduced_objective_problem<Real> phi_problem(const Real& singular_tolerance)
{
  return {singular_tolerance};
}

}  // namespace twolayer
