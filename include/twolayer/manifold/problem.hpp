// A problem on (S^{d−1})^M (Manopt's "problem" piece, docs/mathematics.md §3): what a
// solver (optimize/) may ask of a smooth function f on the product of spheres.
//
// - Value and Riemannian gradient: the problem is a callable, U ↦ sphere_evaluation, which
//   reports `degenerate` where f is not defined (e.g. Φ where two directions coincide and K̂
//   is singular). Every solver needs this much (`riemannian_problem`).
// - Riemannian Hessian: a member hessian(U), the matrix Tᵀ Hess f(U) T in the tangent
//   coordinates T = sphere_product::tangent_bases(U), empty where f is not defined
//   (`riemannian_problem_with_hessian`; Newton and the second-order test need it).
// Problems are stateless or hold const references, so restarts may share one across threads.
#pragma once

#include "twolayer/numeric/matrix.hpp"

#include <concepts>

namespace twolayer {

/// What a problem returns at a point of (S^{d−1})^M.
template <class Real>
struct sphere_evaluation {
  bool degenerate = false;  // the function is not defined here
  Real value = 0;
  matrix<Real> gradient;  // Riemannian gradient (tangent at U)
};

template <class P, class Real>
concept riemannian_problem = requires(const P& problem, const matrix<Real>& U) {
  { problem(U) } -> std::convertible_to<sphere_evaluation<Real>>;
};

template <class P, class Real>
concept riemannian_problem_with_hessian =
    riemannian_problem<P, Real> && requires(const P& problem, const matrix<Real>& U) {
      { problem.hessian(U) } -> std::convertible_to<matrix<Real>>;
    };

}  // namespace twolayer
