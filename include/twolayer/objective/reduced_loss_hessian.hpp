// The Riemannian Hessian of the reduced loss Ψ (objective/reduced_loss.hpp,
// docs/mathematics.md §3) by forward-mode dual numbers through its own gradient code, one
// tangent direction at a time, recomputing only the target terms of the neuron that moves.
#pragma once

#include "twolayer/manifold/sphere_product.hpp"
#include "twolayer/numeric/dual.hpp"
#include "twolayer/objective/cross_term.hpp"
#include "twolayer/objective/reduced_loss.hpp"

namespace twolayer {

/// Tᵀ Hess Ψ T (T = sphere_product::tangent_bases(U)) for the reduced loss Ψ of a target (objective/reduced_loss.hpp), column
/// by column at a fraction of the cost: a tangent direction of block j moves u_j alone, so
/// only t_j and ∇t_j — for a realised network one pass over the N target neurons, O(N d) — are recomputed in dual
/// numbers; the other columns' t_k, ∇t_k enter as constants and G, y = G⁻¹t and the gradient
/// cost O(M² d + M³). In all O(M d · N d) instead of O(M d · N M d): what makes the second-
/// order test and the Newton polish affordable for M d in the thousands. Equal to
/// riemannian_hessian_by_duals (optimize/hessian_by_duals.hpp) applied to
/// finite_reduced_problem(...) up to rounding (tested).
/// Any target (objective/cross_term.hpp): `dual_target` is the same target over dual<Real>.
template <class Real, class Target, class DualTarget, class DualActivation>
  requires cross_term<Target, Real> && cross_term<DualTarget, dual<Real>>
matrix<Real> reduced_loss_hessian_by_duals(const Target& target, const DualTarget& dual_target,
                                           const DualActivation& dual_sigma, const matrix<Real>& U,
                                           const matrix<Real>& T, const Real& singular_tolerance)
{
  using D = dual<Real>;
  const Eigen::Index d = U.rows();
  const Eigen::Index M = U.cols();
  const Eigen::Index n = T.cols();
  vector<Real> t;
  matrix<Real> gradients;
  target.values_and_gradients(U, t, gradients);
  matrix<Real> H(n, n);
  for (Eigen::Index k = 0; k < n; ++k) {
    const Eigen::Index j = k / (d - 1);  // tangent_bases is block diagonal, d − 1 columns per block
    matrix<D> moved = U.template cast<D>();
    for (Eigen::Index i = 0; i < d; ++i)
      moved(i, j) = D(U(i, j), T(j * d + i, k));
    {
      using std::sqrt;
      const D norm = sqrt(D(moved.col(j).squaredNorm()));
      moved.col(j) /= norm;
    }
    vector<D> t_moved = t.template cast<D>();
    matrix<D> gradients_moved = gradients.template cast<D>();
    vector<D> t_j;
    matrix<D> gradient_j;
    dual_target.values_and_gradients(matrix<D>(moved.col(j)), t_j, gradient_j);
    t_moved(j) = t_j(0);
    gradients_moved.col(j) = gradient_j.col(0);
    const auto value = reduced_loss(dual_sigma, moved, t_moved, &gradients_moved, D(singular_tolerance));
    if (value.degenerate)
      return matrix<Real>();
    matrix<Real> derivative(d, M);
    for (Eigen::Index c = 0; c < M; ++c)
      for (Eigen::Index i = 0; i < d; ++i)
        derivative(i, c) = value.gradient(i, c).derivative;
    const matrix<Real> tangent = sphere_product::project(U, derivative);
    H.col(k) = T.transpose() * Eigen::Map<const vector<Real>>(tangent.data(), tangent.size());
  }
  return (H + H.transpose()) / 2;
}

}  // namespace twolayer
