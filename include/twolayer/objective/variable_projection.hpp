// The variable projection both reduced objectives are made of (docs/mathematics.md §3). For a
// kernel κ of the angle between unit directions and a vector t(U),
//
//   Ψ(U) = tᵀ G(U)⁻¹ t,   G_jk = κ(<u_j, u_k>),   y = G⁻¹ t (the optimal scales),
//   ∂Ψ/∂u_j = 2 y_j ∇t_j − 2 y_j Σ_{k≠j} y_k κ'(ρ_jk) u_k        (dΨ = 2yᵀdt − yᵀdG y).
//
// Φ is the case t = 1 with κ = k, the arc-cosine kernel (objective/reduced_objective.hpp); the
// reduced loss of an activation σ the case κ = κ_σ with the target's cross terms t
// (objective/reduced_loss.hpp). Both build their Gram matrix, solve for the scales and form
// the pair term of the gradient here, once. Where G is numerically singular the value is
// `degenerate`: no value is taken from a solve that has lost its digits. For Φ that happens
// exactly where the features relu(<u_j, ·>) are linearly dependent — coincident directions,
// but also distinct directions whose antipodal pairs lie on linearly dependent lines, such as
// the regular hexagon (geometry/feature_dependence.hpp, docs/mathematics.md §3.3). Φ is not
// continuous at coincident directions, nor in general at dependent lines; at the hexagon it
// extends continuously, by its symmetry.
#pragma once

#include "twolayer/numeric/instances.hpp"

#include "twolayer/gaussian/angle.hpp"
#include "twolayer/numeric/matrix.hpp"

#include <Eigen/Cholesky>

namespace twolayer {

/// G_jk = κ(angle between u_j and u_k) for the unit columns of U; `diagonal` is κ(0).
template <class Real, class AngularKernel>
matrix<Real> gram_of_angles(const matrix<Real>& U, const Real& diagonal, const AngularKernel& kappa)
{
  const Eigen::Index M = U.cols();
  matrix<Real> G(M, M);
  for (Eigen::Index j = 0; j < M; ++j) {
    G(j, j) = diagonal;
    for (Eigen::Index k = j + 1; k < M; ++k)
      G(j, k) = G(k, j) = kappa(angle<Real>::between(U.col(j), U.col(k)));
  }
  return G;
}

/// The scales y = G⁻¹ t and the value tᵀ y, with G's factorisation kept for further solves.
template <class Real>
struct projected_scales {
  bool degenerate = false;  // G numerically singular (for Φ: geometry/feature_dependence.hpp)
  Real value = 0;           // tᵀ G⁻¹ t, when not degenerate
  vector<Real> scales;      // y = G⁻¹ t
  matrix<Real> gram;        // G
  Eigen::LDLT<matrix<Real>> factorization;  // of G
};

/// Solves G y = t by LDLᵀ. G (a kernel Gram matrix, positive semidefinite) is degenerate when
/// the factorisation fails or its smallest pivot is not above `singular_tolerance` times its
/// diagonal. `t == nullptr` stands for t = 1, whose value is Σ_j y_j.
template <class Real>
projected_scales<Real> project_scales(matrix<Real> G, const vector<Real>* t, const Real& singular_tolerance)
{
  projected_scales<Real> result;
  result.gram = std::move(G);
  result.factorization.compute(result.gram);
  const auto& ldlt = result.factorization;
  if (ldlt.info() != Eigen::Success || !(ldlt.vectorD().minCoeff() > singular_tolerance * result.gram(0, 0))) {
    result.degenerate = true;
    return result;
  }
  if (t) {
    result.scales = ldlt.solve(*t);
    result.value = t->dot(result.scales);
  } else {
    result.scales = ldlt.solve(vector<Real>::Ones(result.gram.cols()));
    result.value = result.scales.sum();
  }
  return result;
}

/// Subtracts the pair term 2 y_j Σ_{k≠j} y_k κ'(ρ_jk) u_k of the Euclidean gradient from each
/// column j of `euclidean`; `slope` maps an angle to κ'(ρ).
template <class Real, class KernelSlope>
void subtract_pair_gradient(const matrix<Real>& U, const vector<Real>& y, const KernelSlope& slope,
                            matrix<Real>& euclidean)
{
  const Eigen::Index M = U.cols();
  for (Eigen::Index j = 0; j < M; ++j)
    for (Eigen::Index k = 0; k < M; ++k)
      if (k != j) {
        const Real s = slope(angle<Real>::between(U.col(j), U.col(k)));
        euclidean.col(j) -= 2 * y(j) * y(k) * s * U.col(k);
      }
}

// Compiled instances (numeric/instances.hpp).
#define TWOLAYER_INSTANCES_VARIABLE_PROJECTION(EXTERN, Real) \
  EXTERN template projected_scales<Real> project_scales(matrix<Real>, const vector<Real>*, const Real&);
TWOLAYER_EXTERN_SEARCH_INSTANCES(TWOLAYER_INSTANCES_VARIABLE_PROJECTION)
TWOLAYER_EXTERN_VERIFICATION_INSTANCES(TWOLAYER_INSTANCES_VARIABLE_PROJECTION)

}  // namespace twolayer
