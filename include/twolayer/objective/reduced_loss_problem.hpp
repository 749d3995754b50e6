// The reduced finite objective Ψ_N (objective/reduced_loss.hpp) as a problem for the
// Riemannian L-BFGS: maximising Ψ_N over (S^{d−1})^M is minimising L_N = E[f_N²] − Ψ_N.
#pragma once

#include "twolayer/objective/reduced_loss.hpp"
#include "twolayer/manifold/problem.hpp"

namespace twolayer {

/// Ψ_N of a realised target and its Riemannian gradient; the target must outlive the problem.
template <class Real, class Activation>
auto finite_reduced_problem(const target_cross_term<Real, Activation>& target, Activation sigma,
                            Real singular_tolerance)
{
  return [&target, sigma, singular_tolerance](const matrix<Real>& U) {
    vector<Real> t;
    matrix<Real> gradients;
    target.values_and_gradients(U, t, gradients);
    auto value = reduced_loss(sigma, U, t, &gradients, singular_tolerance);
    if (value.degenerate)
      return sphere_evaluation<Real>{true, Real(0), matrix<Real>()};
    return sphere_evaluation<Real>{false, value.psi, std::move(value.gradient)};
  };
}

}  // namespace twolayer
