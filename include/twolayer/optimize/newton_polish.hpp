// Riemannian Newton polish of a critical point of a problem on (S^{d−1})^M with a Hessian
// (manifold/problem.hpp; for the conjecture, Φ: docs/mathematics.md §3, §5) at high
// precision, the Hessian exact in the working precision (for a Hessian computed once in
// double, optimize/fixed_hessian_newton.hpp): from an optimum found in double, Newton steps in the working
// precision until the Riemannian gradient norm falls below a target (10^(−digits+5) in the
// reports). The gradient norm of every iterate is kept, so quadratic convergence — where
// the Hessian is non-degenerate off the O(d) orbit — can be seen, not assumed.
//
// The Hessian is singular along the symmetry orbit (Φ depends only on the Gram matrix): the step
// solves H η = −g on the eigenvectors with |λ| above √ε · max|λ| only, i.e. the
// pseudo-inverse with the orbit modes removed. At a degenerate optimum (more zero modes than
// the orbit explains) Newton has no curvature to use along the extra directions and slows
// to linear or stops; the caller then states the digits it could certify
// (check/polished_optimum.hpp).
//
// Newton looks for a critical point, whatever its type: the classification comes after the
// polish (check/second_order.hpp), so a polish must not refuse to converge to a saddle. A
// step is accepted when it does not lower Φ by more than rounding (near a maximum the
// Newton step is an ascent step) or when it lowers the gradient norm (the merit function of
// Newton's method for critical points: near a saddle the step lowers Φ along the directions
// of positive curvature); otherwise it is halved, at most 30 times. The polish stops as
// `stalled` when the gradient norm has not halved over `stall_window` iterations (no
// progress to wait for) or after `max_iterations`.
#pragma once

#include "twolayer/manifold/problem.hpp"
#include "twolayer/manifold/sphere_product.hpp"

#include <Eigen/Eigenvalues>

#include <vector>

namespace twolayer {

template <class Real>
struct polish_result {
  matrix<Real> U;
  Real value = 0;
  std::vector<Real> gradient_norms;  // ‖grad f‖ at each iterate, the start first
  std::vector<Real> values;          // f at each iterate
  bool converged = false;            // the last gradient norm is below the target
  bool degenerate = false;           // the problem became undefined (for Φ: K̂ singular)
  int iterations = 0;
};

template <class Real, class Problem>
  requires riemannian_problem_with_hessian<Problem, Real>
polish_result<Real> newton_polish(const Problem& problem, const matrix<Real>& U0, const Real& target,
                                  int max_iterations, int stall_window = 12)
{
  using std::abs;
  using std::sqrt;
  polish_result<Real> result;
  result.U = U0;
  for (Eigen::Index j = 0; j < result.U.cols(); ++j)
    result.U.col(j).normalize();
  const Real epsilon = Eigen::NumTraits<Real>::epsilon();
  for (;;) {
    const auto value = problem(result.U);
    if (value.degenerate) {
      result.degenerate = true;
      return result;
    }
    const matrix<Real>& gradient = value.gradient;
    const Real norm = gradient.norm();
    result.value = value.value;
    result.values.push_back(value.value);
    result.gradient_norms.push_back(norm);
    if (norm <= target) {
      result.converged = true;
      return result;
    }
    if (result.iterations >= max_iterations)
      return result;
    const auto count = result.gradient_norms.size();
    if (count > static_cast<std::size_t>(stall_window) &&
        !(2 * norm < result.gradient_norms[count - 1 - static_cast<std::size_t>(stall_window)]))
      return result;  // stalled: converged stays false
    ++result.iterations;

    const matrix<Real> T = sphere_product::tangent_bases(result.U);
    const vector<Real> g = T.transpose() * Eigen::Map<const vector<Real>>(gradient.data(), gradient.size());
    const matrix<Real> hessian = problem.hessian(result.U);
    const Eigen::SelfAdjointEigenSolver<matrix<Real>> solver(hessian);
    const vector<Real>& lambda = solver.eigenvalues();
    const Real largest = lambda.cwiseAbs().maxCoeff();
    const Real cut = sqrt(epsilon) * largest;
    vector<Real> step = vector<Real>::Zero(g.size());
    for (Eigen::Index i = 0; i < lambda.size(); ++i)
      if (abs(lambda(i)) > cut)
        step -= (solver.eigenvectors().col(i).dot(g) / lambda(i)) * solver.eigenvectors().col(i);
    const vector<Real> ambient = T * step;
    const matrix<Real> direction = Eigen::Map<const matrix<Real>>(ambient.data(), result.U.rows(), result.U.cols());

    const Real rounding = 64 * epsilon * (1 + abs(value.value));
    Real scale = 1;
    matrix<Real> moved;
    for (int halving = 0; halving <= 30; ++halving, scale /= 2) {
      moved = sphere_product::retract(result.U, matrix<Real>(scale * direction));
      const auto trial = problem(moved);
      if (trial.degenerate)
        continue;
      if (trial.value >= value.value - rounding)
        break;
      if (trial.gradient.norm() < norm)
        break;
    }
    result.U = moved;
  }
}

}  // namespace twolayer
