// The Riemannian Hessian of the reduced objective Φ(U) = 1ᵀK̂⁻¹1 on (S^{d−1})^M
// (docs/mathematics.md §3), as a symmetric matrix in orthonormal bases of the tangent spaces.
//
// With y = K̂⁻¹1, g the Euclidean gradient, and tangent directions ξ, η (ξ_j ⊥ u_j):
//   Hess Φ[ξ, η] = 2 (dK̂[ξ] y)ᵀ K̂⁻¹ (dK̂[η] y) − yᵀ d²K̂[ξ, η] y − Σ_j <u_j, g_j> <ξ_j, η_j>,
//   dK̂[ξ]_jk = k'(ρ_jk) dρ_jk[ξ],   dρ_jk[ξ] = <u_k, ξ_j> + <u_j, ξ_k>,
//   d²K̂[ξ,η]_jk = k''(ρ_jk) dρ_jk[ξ] dρ_jk[η] + k'(ρ_jk) (<ξ_j, η_k> + <η_j, ξ_k>)
// (the last sum of the first line is the sphere's curvature term: P(∇²f ξ) − <u, ∇f> ξ).
//
// Near ρ = −1, k''(ρ) = 1/sin θ diverges while dρ vanishes on tangent vectors: with the
// tangent components ã = (u_k − ρ u_j, u_j − ρ u_k), whose norm is O(sin θ), the pair term
// k'' ããᵀ = ããᵀ / sin θ is formed from sin θ computed in the angle (angle::between), and
// is exactly zero for an antipodal pair — the angle form sin θ dθ² of docs/mathematics.md §3.
//
// Literature (docs/mathematics.md §8): Absil, Mahony and Sepulchre 2008, ch. 5; Absil, Mahony and
//   Trumpf 2013 (the Riemannian Hessian on a sphere, P_u ∇²f η − <u, ∇f> η).
#pragma once

#include "twolayer/numeric/instances.hpp"

#include "twolayer/manifold/sphere_product.hpp"
#include "twolayer/objective/reduced_objective.hpp"

namespace twolayer {

/// The Riemannian Hessian of Φ at U in the bases of sphere_product::tangent_bases(U), or an empty matrix
/// when K̂ is degenerate (geometry/feature_dependence.hpp).
template <class Real>
matrix<Real> reduced_objective_hessian(const matrix<Real>& U, const Real& singular_tolerance)
{
  const reduced_value<Real> value = reduced_objective(U, singular_tolerance);
  if (value.degenerate)
    return matrix<Real>();
  const int d = static_cast<int>(U.rows());
  const int M = static_cast<int>(U.cols());
  const int n = d * M;
  const vector<Real>& y = value.scales;
  const matrix<Real> gradient = reduced_objective_euclidean_gradient(U, y);

  matrix<Real> ambient = matrix<Real>::Zero(n, n);
  matrix<Real> B = matrix<Real>::Zero(M, n);  // row j: Σ_k k'_jk y_k ã_jkᵀ, so dK̂[ξ]y = Bξ
  for (int j = 0; j < M; ++j)
    for (int k = 0; k < M; ++k) {
      if (k == j)
        continue;
      const auto a = angle<Real>::between(U.col(j), U.col(k));
      const Real slope = arc_cosine_kernel_derivative(a);  // k'(ρ)
      vector<Real> tangent_pair = vector<Real>::Zero(n);  // ã_jk
      tangent_pair.segment(j * d, d) = U.col(k) - a.cosine * U.col(j);
      tangent_pair.segment(k * d, d) = U.col(j) - a.cosine * U.col(k);
      B.row(j) += slope * y(k) * tangent_pair.transpose();
      const Real weight = y(j) * y(k);
      if (a.sine != 0)  // k''(ρ) dρ dρ = ããᵀ / sin θ, zero for an antipodal pair
        ambient -= weight * (tangent_pair * tangent_pair.transpose()) / a.sine;
      // k'(ρ) (<ξ_j, η_k> + <η_j, ξ_k>)
      ambient.block(j * d, k * d, d, d).diagonal().array() -= weight * slope;
      ambient.block(k * d, j * d, d, d).diagonal().array() -= weight * slope;
    }
  ambient += 2 * B.transpose() * value.factorization.solve(B);
  for (int j = 0; j < M; ++j)  // curvature of the sphere
    ambient.block(j * d, j * d, d, d).diagonal().array() -= U.col(j).dot(gradient.col(j));

  const matrix<Real> T = sphere_product::tangent_bases(U);
  matrix<Real> hessian = T.transpose() * ambient * T;
  return (hessian + hessian.transpose()) / 2;
}

// Compiled instances (numeric/instances.hpp).
#define TWOLAYER_INSTANCES_REDUCED_HESSIAN(EXTERN, Real) \
  EXTERN template matrix<Real> reduced_objective_hessian(const matrix<Real>&, const Real&);
TWOLAYER_EXTERN_SEARCH_INSTANCES(TWOLAYER_INSTANCES_REDUCED_HESSIAN)
TWOLAYER_EXTERN_VERIFICATION_INSTANCES(TWOLAYER_INSTANCES_REDUCED_HESSIAN)

}  // namespace twolayer
