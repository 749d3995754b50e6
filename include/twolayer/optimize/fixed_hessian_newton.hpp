// Newton polish at high precision with a Hessian computed in double (a simplified Newton
// method): from a critical point found in double, iterate
//
//   η = −T H⁻¹ Tᵀ grad f(U),   U ← R_U(P_U η)
//
// with the gradient in the working precision and H = Tᵀ Hess f T in double, computed at a
// double rounding of an iterate (optimize/hessian_by_duals.hpp). The error contracts by
// ‖I − H⁻¹ Hess f(U*)‖ per step: the Hessian's rounding (about cond(H)·1e-16) plus its
// change between the point where it was computed and the optimum. A double optimum is
// only ‖g‖/λ_min from the true one (1e-7 for a gradient norm of 1e-10 and a curvature of
// 1e-3), so the Hessian is recomputed at the current iterate whenever a step contracts the
// gradient by less than `recompute_ratio` (at most `max_hessians` Hessians in all): each
// step then gains about 16 − log10 cond(H) digits, and needs one high-precision gradient
// and no high-precision Hessian. The gradient norm of every iterate is kept, so the
// convergence is seen, not assumed; the polish stops when the norm is below the target,
// or when a step fails to halve it.
#pragma once

#include "twolayer/manifold/problem.hpp"
#include "twolayer/manifold/sphere_product.hpp"

#include <Eigen/Cholesky>

#include <vector>

namespace twolayer {

template <class Real>
struct fixed_hessian_polish {
  matrix<Real> U;
  Real value = 0;
  matrix<Real> gradient;             // Riemannian gradient at U
  std::vector<Real> gradient_norms;  // at each iterate, the start first
  std::vector<Real> values;
  std::vector<int> hessian_at;       // the iterates where a Hessian was computed
  bool converged = false;            // the last gradient norm is below the target
  bool degenerate = false;           // the problem or a Hessian was undefined at an iterate
  int iterations = 0;
};

/// The tangent bases T at a point and the Hessian H in them, both in double.
struct double_hessian {
  matrix<double> T;
  matrix<double> H;  // empty when undefined
};

/// `problem` takes matrix<Real> and returns sphere_evaluation<Real>; `hessian_at` takes a
/// matrix<double> (unit columns) and returns its double_hessian (an empty or non-finite H
/// means undefined there). Any invertible H is used
/// (negative definite at a strict maximum, positive definite at a strict minimum).
template <class Real, class Problem, class HessianAt>
fixed_hessian_polish<Real> polish_with_fixed_hessian(const Problem& problem, const matrix<Real>& U0,
                                                     const HessianAt& hessian_at, const Real& target,
                                                     int max_iterations, int max_hessians = 4,
                                                     double recompute_ratio = 1e-10)
{
  fixed_hessian_polish<Real> result;
  result.U = U0;
  for (Eigen::Index j = 0; j < result.U.cols(); ++j)
    result.U.col(j).normalize();
  Eigen::LDLT<matrix<double>> solver;
  matrix<Real> basis;
  auto refresh = [&]() {
    matrix<double> point(result.U.rows(), result.U.cols());
    for (Eigen::Index j = 0; j < point.cols(); ++j)
      for (Eigen::Index i = 0; i < point.rows(); ++i)
        point(i, j) = static_cast<double>(result.U(i, j));
    const double_hessian h = hessian_at(point);
    if (h.H.size() == 0 || !h.H.allFinite())
      return false;
    solver.compute(h.H);
    basis = h.T.cast<Real>();
    result.hessian_at.push_back(result.iterations);
    return true;
  };
  for (;;) {
    auto evaluation = problem(result.U);
    if (evaluation.degenerate) {
      result.degenerate = true;
      return result;
    }
    const Real norm = evaluation.gradient.norm();
    result.value = evaluation.value;
    result.gradient = evaluation.gradient;
    result.values.push_back(evaluation.value);
    result.gradient_norms.push_back(norm);
    if (norm <= target) {
      result.converged = true;
      return result;
    }
    const std::size_t n = result.gradient_norms.size();
    const bool first = result.hessian_at.empty();
    const bool slow = n >= 2 && !(norm < result.gradient_norms[n - 2] * Real(recompute_ratio));
    if (n >= 2 && !(norm < result.gradient_norms[n - 2] / 2) &&
        static_cast<int>(result.hessian_at.size()) >= max_hessians)
      return result;  // no longer contracting: rounding, or a Hessian that does not fit
    if (result.iterations >= max_iterations)
      return result;
    // A Hessian undefined at the current iterate (a kernel that is only C² where a direction
    // meets a target neuron exactly) leaves the previous one in use.
    if ((first || slow) && static_cast<int>(result.hessian_at.size()) < max_hessians && !refresh() && first) {
      result.degenerate = true;
      return result;
    }
    ++result.iterations;
    // The gradient's coordinates need only double's relative precision: the step is a
    // correction, and its error is a relative 1e-16 of a quantity already small.
    const vector<Real> coordinates =
        basis.transpose() * Eigen::Map<const vector<Real>>(evaluation.gradient.data(), evaluation.gradient.size());
    vector<double> g(coordinates.size());
    for (Eigen::Index i = 0; i < g.size(); ++i)
      g(i) = static_cast<double>(coordinates(i));
    const vector<double> step = -solver.solve(g);
    const vector<Real> ambient = basis * step.cast<Real>();
    const matrix<Real> eta = Eigen::Map<const matrix<Real>>(ambient.data(), result.U.rows(), result.U.cols());
    result.U = sphere_product::retract(result.U, sphere_product::project(result.U, eta));
  }
}

}  // namespace twolayer
