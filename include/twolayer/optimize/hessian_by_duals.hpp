// The Riemannian Hessian of a problem on (S^{d−1})^M (any callable returning a
// sphere_evaluation, manifold/problem.hpp) from its own gradient code run on dual numbers:
// along the retraction curve c(t) = R_U(t ξ) the derivative of the Riemannian gradient at
// t = 0, projected onto the tangent space at U, is Hess f(U)[ξ] (for a Riemannian
// submanifold, Hess f(x)[ξ] = P_x(D grad f(x)[ξ]) with any smooth extension of the
// gradient field). One dual evaluation per basis direction ξ_k of sphere_product::tangent_bases(U): the
// matrix Tᵀ Hess T, exact up to rounding (no step size), symmetrised.
#pragma once

#include "twolayer/manifold/problem.hpp"
#include "twolayer/manifold/sphere_product.hpp"
#include "twolayer/numeric/dual.hpp"

namespace twolayer {

/// Tᵀ Hess f(U) T with T = sphere_product::tangent_bases(U); empty when the problem is degenerate at U.
/// `problem` takes a matrix<dual<Real>> and returns a sphere_evaluation<dual<Real>>.
template <class Real, class DualProblem>
matrix<Real> riemannian_hessian_by_duals(const DualProblem& problem, const matrix<Real>& U, const matrix<Real>& T)
{
  using D = dual<Real>;
  const Eigen::Index d = U.rows();
  const Eigen::Index M = U.cols();
  const Eigen::Index n = T.cols();
  matrix<Real> H(n, n);
  for (Eigen::Index k = 0; k < n; ++k) {
    matrix<D> moved(d, M);
    for (Eigen::Index j = 0; j < M; ++j)
      for (Eigen::Index i = 0; i < d; ++i)
        moved(i, j) = D(U(i, j), T(j * d + i, k));
    for (Eigen::Index j = 0; j < M; ++j) {
      using std::sqrt;
      const D norm = sqrt(D(moved.col(j).squaredNorm()));
      moved.col(j) /= norm;
    }
    const auto evaluation = problem(moved);
    if (evaluation.degenerate)
      return matrix<Real>();
    matrix<Real> derivative(d, M);
    for (Eigen::Index j = 0; j < M; ++j)
      for (Eigen::Index i = 0; i < d; ++i)
        derivative(i, j) = evaluation.gradient(i, j).derivative;
    const matrix<Real> tangent = sphere_product::project(U, derivative);
    H.col(k) = T.transpose() * Eigen::Map<const vector<Real>>(tangent.data(), tangent.size());
  }
  return (H + H.transpose()) / 2;
}

}  // namespace twolayer
