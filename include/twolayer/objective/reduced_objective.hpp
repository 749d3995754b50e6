// The reduced objective of the simplified ReLU problem (docs/mathematics.md §3):
//
//   Φ(U) = 1ᵀ K̂(U)⁻¹ 1,   K̂_jk = k(<u_j, u_k>),   U = (u_1, …, u_M) ∈ (S^{d−1})^M,
//
// with k the arc-cosine kernel; min_s L~ = α² d c_d² (1 − 2π d c_d² Φ(U)) at the optimal
// scales s*(U) = 2π α d c_d² K̂⁻¹ 1. Also the Euclidean gradient
//   ∂Φ/∂u_j = −2 y_j Σ_{k≠j} y_k k'(ρ_jk) u_k,   y = K̂⁻¹ 1,
// and its Riemannian projection (I − u_j u_jᵀ).
//
// Coincident directions make K̂ singular (two equal columns); Φ is then not continuous
// (docs/mathematics.md §3) and no value is returned: the evaluation reports `degenerate` instead.
#pragma once

#include "twolayer/gaussian/relu_kernel.hpp"
#include "twolayer/numeric/constants.hpp"
#include "twolayer/numeric/eigen_traits.hpp"

#include <Eigen/Cholesky>

namespace twolayer {

template <class Real>
struct reduced_value {
  bool degenerate = false;  // K̂ numerically singular: coincident directions
  Real phi = 0;             // Φ(U), when not degenerate
  vector<Real> weights;     // y = K̂⁻¹ 1 (the optimal scales up to 2π α d c_d²)
  matrix<Real> gram;        // K̂
  Eigen::LDLT<matrix<Real>> factorization;  // of K̂, for further solves (the Hessian)
};

/// K̂_jk = k(<u_j, u_k>) for the columns of U (unit vectors).
template <class Real>
matrix<Real> arc_cosine_gram(const matrix<Real>& U)
{
  const int M = static_cast<int>(U.cols());
  matrix<Real> K(M, M);
  const Real diagonal = pi<Real>();  // k(1) = π
  for (int j = 0; j < M; ++j) {
    K(j, j) = diagonal;
    for (int k = j + 1; k < M; ++k)
      K(j, k) = K(k, j) = arc_cosine_kernel(angle<Real>::between(U.col(j), U.col(k)));
  }
  return K;
}

/// Φ(U) and y = K̂⁻¹ 1. K̂ is positive semidefinite (a kernel Gram matrix); it is called
/// degenerate when its Cholesky factorisation fails or its smallest pivot falls below
/// `singular_tolerance` times π (the diagonal).
template <class Real>
reduced_value<Real> reduced_objective(const matrix<Real>& U, const Real& singular_tolerance)
{
  reduced_value<Real> result;
  result.gram = arc_cosine_gram(U);
  result.factorization.compute(result.gram);
  const auto& ldlt = result.factorization;
  const Real smallest_pivot = ldlt.vectorD().minCoeff();
  if (ldlt.info() != Eigen::Success ||
      !(smallest_pivot > singular_tolerance * pi<Real>())) {
    result.degenerate = true;
    return result;
  }
  result.weights = ldlt.solve(vector<Real>::Ones(U.cols()));
  result.phi = result.weights.sum();
  return result;
}

/// Euclidean gradient of Φ with respect to the columns of U (docs/mathematics.md §3), given y.
template <class Real>
matrix<Real> reduced_objective_euclidean_gradient(const matrix<Real>& U, const vector<Real>& y)
{
  const int M = static_cast<int>(U.cols());
  matrix<Real> gradient = matrix<Real>::Zero(U.rows(), M);
  for (int j = 0; j < M; ++j)
    for (int k = 0; k < M; ++k)
      if (k != j) {
        const Real slope = arc_cosine_kernel_derivative(angle<Real>::between(U.col(j), U.col(k)));
        gradient.col(j) -= 2 * y(j) * y(k) * slope * U.col(k);
      }
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

}  // namespace twolayer
