// The reduced objective of the simplified ReLU problem (docs/mathematics.md §3):
//
//   Φ(U) = 1ᵀ K̂(U)⁻¹ 1,   K̂_jk = k(<u_j, u_k>),   U = (u_1, …, u_M) ∈ (S^{d−1})^M,
//
// with k the arc-cosine kernel; min_s L~ = α² d c_d² (1 − 2π d c_d² Φ(U)) at the optimal
// scales s*(U) = 2π α d c_d² K̂⁻¹ 1. Also the Euclidean gradient
//   ∂Φ/∂u_j = −2 y_j Σ_{k≠j} y_k k'(ρ_jk) u_k,   y = K̂⁻¹ 1,
// and its Riemannian projection (I − u_j u_jᵀ).
//
// Φ is the variable projection of objective/variable_projection.hpp with t = 1 and κ = k.
// K̂ is singular exactly where the features relu(<u_j, ·>) are linearly dependent: two
// directions coincide (two equal columns; Φ is not continuous there), or the directions are
// distinct but the lines that carry antipodal pairs are linearly dependent (the regular
// hexagon, where Φ extends continuously by its symmetry; in general the limit depends on the
// direction of approach). geometry/feature_dependence.hpp names which;
// docs/mathematics.md §3.3 has the proof. No value is returned where K̂ is numerically
// singular: the evaluation reports `degenerate` instead.
#pragma once

#include "twolayer/numeric/instances.hpp"

#include "twolayer/gaussian/relu_kernel.hpp"
#include "twolayer/numeric/constants.hpp"
#include "twolayer/numeric/matrix.hpp"
#include "twolayer/objective/variable_projection.hpp"

namespace twolayer {

/// Φ(U) with its scales y = K̂⁻¹ 1 (the optimal scales up to 2π α d c_d²), K̂ and K̂'s
/// factorisation: the variable projection with t = 1 (`value` is Φ).
template <class Real>
using reduced_value = projected_scales<Real>;

/// K̂_jk = k(<u_j, u_k>) for the columns of U (unit vectors).
template <class Real>
matrix<Real> arc_cosine_gram(const matrix<Real>& U)
{
  return gram_of_angles(U, pi<Real>(), [](const angle<Real>& a) { return arc_cosine_kernel(a); });  // k(1) = π
}

/// Φ(U) and y = K̂⁻¹ 1. K̂ is positive semidefinite (a kernel Gram matrix); it is called
/// degenerate when its factorisation fails or its smallest pivot falls below
/// `singular_tolerance` times π (the diagonal).
template <class Real>
reduced_value<Real> reduced_objective(const matrix<Real>& U, const Real& singular_tolerance)
{
  return project_scales<Real>(arc_cosine_gram(U), nullptr, singular_tolerance);
}

/// Euclidean gradient of Φ with respect to the columns of U (docs/mathematics.md §3), given y.
template <class Real>
matrix<Real> reduced_objective_euclidean_gradient(const matrix<Real>& U, const vector<Real>& y)
{
  matrix<Real> gradient = matrix<Real>::Zero(U.rows(), U.cols());
  subtract_pair_gradient(U, y, [](const angle<Real>& a) { return arc_cosine_kernel_derivative(a); }, gradient);
  return gradient;
}

/// Φ_ETF(M) = M / (π + (M−1) k(−1/(M−1))), Φ_ETF(1) = 1/π (docs/mathematics.md §3).
template <class Real>
Real simplex_etf_phi(int M)
{
  const Real k_one = pi<Real>();  // k(1) = π
  if (M == 1)
    return 1 / k_one;
  return Real(M) / (k_one + (M - 1) * arc_cosine_kernel(Real(Real(-1) / (M - 1))));
}

// Compiled instances (numeric/instances.hpp).
#define TWOLAYER_INSTANCES_REDUCED_OBJECTIVE(EXTERN, Real)                                             \
  EXTERN template matrix<Real> arc_cosine_gram(const matrix<Real>&);                                   \
  EXTERN template reduced_value<Real> reduced_objective(const matrix<Real>&, const Real&);             \
  EXTERN template matrix<Real> reduced_objective_euclidean_gradient(const matrix<Real>&, const vector<Real>&); \
  EXTERN template Real simplex_etf_phi<Real>(int);
TWOLAYER_EXTERN_SEARCH_INSTANCES(TWOLAYER_INSTANCES_REDUCED_OBJECTIVE)
TWOLAYER_EXTERN_VERIFICATION_INSTANCES(TWOLAYER_INSTANCES_REDUCED_OBJECTIVE)

}  // namespace twolayer
