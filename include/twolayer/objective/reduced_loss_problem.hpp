// The reduced loss Ψ(U) = tᵀ G(U)⁻¹ t of a target (objective/reduced_loss.hpp,
// objective/cross_term.hpp) as a problem for the Riemannian solvers: maximising Ψ over
// (S^{d−1})^M is minimising the loss E[f²] − Ψ. `finite_reduced_problem` gives value and
// gradient (what L-BFGS needs); `reduced_loss_problem` adds the Riemannian Hessian by dual
// numbers (objective/reduced_loss_hessian.hpp), for Newton and the second-order test.
#pragma once

#include "twolayer/manifold/problem.hpp"
#include "twolayer/manifold/sphere_product.hpp"
#include "twolayer/objective/cross_term.hpp"
#include "twolayer/objective/reduced_loss.hpp"
#include "twolayer/objective/reduced_loss_hessian.hpp"

namespace twolayer {

/// Ψ of a target and its Riemannian gradient; the target must outlive the problem.
template <class Real, class Target, class Activation>
  requires cross_term<Target, Real>
auto finite_reduced_problem(const Target& target, Activation sigma, Real singular_tolerance)
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

/// Ψ with value, gradient and Hessian; `dual_target` is the same target over dual<Real>. Both
/// targets must outlive the problem.
template <class Real, class Target, class DualTarget, class Activation>
  requires cross_term<Target, Real> && cross_term<DualTarget, dual<Real>>
struct reduced_loss_problem {
  const Target& target;
  const DualTarget& dual_target;
  Activation sigma;
  Real singular_tolerance;

  sphere_evaluation<Real> operator()(const matrix<Real>& U) const
  {
    return finite_reduced_problem(target, sigma, singular_tolerance)(U);
  }

  /// Tᵀ Hess Ψ(U) T in the tangent coordinates of sphere_product::tangent_bases(U); empty where G
  /// is singular.
  matrix<Real> hessian(const matrix<Real>& U) const
  {
    return reduced_loss_hessian_by_duals(target, dual_target, sigma, U, sphere_product::tangent_bases(U),
                                         singular_tolerance);
  }
};

template <class Real, class Target, class DualTarget, class Activation>
reduced_loss_problem(const Target&, const DualTarget&, Activation, Real)
    -> reduced_loss_problem<Real, Target, DualTarget, Activation>;

}  // namespace twolayer
