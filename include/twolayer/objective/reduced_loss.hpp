// Variable projection of either objective for an activation homogeneous of degree 1
// (docs/mathematics.md §3, for any target). With s_j = b_j ‖v_j‖ and unit u_j = v_j / ‖v_j‖ both
// objectives are quadratic in s:
//
//   L(s, U) = C − 2 sᵀ t(U) + sᵀ G(U) s,   G_jk = κ(<u_j, u_k>),   t_j = E[f σ(<u_j, x>)],
//
// so min_s L = C − Ψ(U) with Ψ(U) = tᵀ G⁻¹ t, attained at s* = y = G⁻¹ t, and
//
//   ∂Ψ/∂u_j = 2 y_j ∇t_j − 2 y_j Σ_{k≠j} y_k κ'(ρ_jk) u_k          (dΨ = 2yᵀdt − yᵀdG y).
//
// For the simplified objective t_j = α d μ_σ² is constant and Ψ = (α d μ_σ²)² 1ᵀG⁻¹1; for
// relu G = K̂/2π, so Ψ = 2π (α d c_d²)² Φ (objective/reduced_objective.hpp). For the finite
// objective t comes from the realised target (objective/target_cross_term.hpp), and
// maximising Ψ is minimising L_N. Dependent features σ(<u_j, ·>) make G singular: `degenerate`
// (for relu: geometry/feature_dependence.hpp).
#pragma once

#include "twolayer/gaussian/angular_kernel.hpp"
#include "twolayer/manifold/sphere_product.hpp"
#include "twolayer/objective/target_cross_term.hpp"
#include "twolayer/objective/reduced_objective.hpp"
#include "twolayer/objective/variable_projection.hpp"

namespace twolayer {

/// G_jk = κ(<u_j, u_k>) for the unit columns of U.
template <class Activation, class Real>
matrix<Real> angular_gram(const Activation& sigma, const matrix<Real>& U)
{
  return gram_of_angles(U, angular_kernel(sigma, angle<Real>::zero()),
                        [&](const angle<Real>& a) { return angular_kernel(sigma, a); });
}

template <class Real>
struct reduced_loss_value {
  bool degenerate = false;  // G numerically singular: the features σ(<u_j, ·>) (nearly) dependent
  Real psi = 0;             // Ψ(U) = tᵀ G⁻¹ t; min_s L = C − Ψ
  vector<Real> scales;      // s* = G⁻¹ t
  matrix<Real> gradient;    // Riemannian gradient of Ψ, when asked for
};

/// Ψ(U) given t (and, for the gradient, the columns ∇t_j); G is degenerate when its LDLᵀ
/// fails or its smallest pivot falls below `singular_tolerance` times its diagonal.
template <class Activation, class Real>
reduced_loss_value<Real> reduced_loss(const Activation& sigma, const matrix<Real>& U,
                                      const vector<Real>& t, const matrix<Real>* t_gradients,
                                      const Real& singular_tolerance)
{
  reduced_loss_value<Real> result;
  auto projected = project_scales<Real>(angular_gram(sigma, U), &t, singular_tolerance);
  if (projected.degenerate) {
    result.degenerate = true;
    return result;
  }
  result.scales = std::move(projected.scales);
  result.psi = projected.value;
  if (!t_gradients)
    return result;
  const auto& y = result.scales;
  matrix<Real> euclidean(U.rows(), U.cols());
  for (Eigen::Index j = 0; j < U.cols(); ++j)
    euclidean.col(j) = 2 * y(j) * t_gradients->col(j);
  subtract_pair_gradient(U, y, [&](const angle<Real>& a) { return angular_kernel_derivative(sigma, a); },
                         euclidean);
  result.gradient = sphere_product::project(U, euclidean);
  return result;
}

}  // namespace twolayer
