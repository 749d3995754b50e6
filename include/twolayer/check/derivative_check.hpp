// Checks of a problem's derivatives by Taylor remainders along a retraction curve, as
// Manopt's checkgradient and checkhessian do (docs/mathematics.md §3.5): with c(t) = R_U(t ξ)
// (normalisation, a second-order retraction on spheres, so c''(0) has no tangential part),
//   E₁(t) = |f(c(t)) − f(U) − t <grad f(U), ξ>|                      = O(t²),
//   E₂(t) = |f(c(t)) − f(U) − t <grad f(U), ξ> − (t²/2) <ξ, Hess f(U)[ξ]>| = O(t³)
// when the gradient and the Hessian are right; a wrong gradient leaves E₁ = O(t), a wrong
// Hessian E₂ = O(t²). The slopes of log E against log t, fitted by least squares over
// t = 10^(−a), 10^(−a−1/4), …, 10^(−b), are the evidence: about 2 and 3. The window must lie
// where the leading term dominates: not so large that higher orders bend the line (at
// t = 10⁻¹ they do), not so small that E₂ ~ t³ meets the rounding of f. The default,
// a = 2 and b = 5, suits 50 digits; in double take a = 1, b = 4 (E₂ ~ 10⁻¹² at the end).
// A second route to a derivative, not a replacement for the analytic one or the dual one.
//
// Literature (docs/mathematics.md §8): Boumal et al. 2014 (Manopt's checkgradient and
//   checkhessian); Absil, Mahony and Sepulchre 2008.
#pragma once

#include "twolayer/check/loglog_fit.hpp"
#include "twolayer/manifold/problem.hpp"
#include "twolayer/manifold/sphere_product.hpp"

#include <optional>
#include <vector>

namespace twolayer {

template <class Real>
struct taylor_slopes {
  Real gradient = 0;                // slope of log E₁: 2 for a right gradient
  std::optional<Real> hessian;      // slope of log E₂: 3 for a right Hessian (problems with one)
};

/// The Taylor slopes of `problem` at U along the tangent direction ξ (ambient d × M, tangent
/// at U). The Hessian slope is computed when the problem has a Hessian.
template <class Real, class Problem>
  requires riemannian_problem<Problem, Real>
taylor_slopes<Real> check_derivatives(const Problem& problem, const matrix<Real>& U, const matrix<Real>& xi,
                                      int first_decade = 2, int last_decade = 5)
{
  using std::abs;
  using std::pow;
  const auto at = problem(U);
  const Real slope = sphere_product::inner(at.gradient, xi);
  std::optional<Real> curvature;
  if constexpr (riemannian_problem_with_hessian<Problem, Real>) {
    const matrix<Real> T = sphere_product::tangent_bases(U);
    const vector<Real> c = T.transpose() * Eigen::Map<const vector<Real>>(xi.data(), xi.size());
    curvature = c.dot(problem.hessian(U) * c);
  }
  // The remainders are computed in Real; their slopes are a diagnostic read to ±0.05, so the
  // fit (check/loglog_fit.hpp) runs on their double values.
  std::vector<std::pair<double, double>> first, second;
  for (int k = 4 * first_decade; k <= 4 * last_decade; ++k) {
    const Real t = pow(Real(10), -Real(k) / 4);  // 10^-first_decade … 10^-last_decade
    const Real change = problem(sphere_product::retract(U, matrix<Real>(t * xi))).value - at.value;
    first.push_back({static_cast<double>(t), static_cast<double>(abs(Real(change - t * slope)))});
    if (curvature)
      second.push_back({static_cast<double>(t), static_cast<double>(abs(Real(change - t * slope - t * t * *curvature / 2)))});
  }
  taylor_slopes<Real> result;
  result.gradient = Real(loglog_slope(first).value_or(0));
  if (curvature)
    result.hessian = Real(loglog_slope(second).value_or(0));
  return result;
}

}  // namespace twolayer
