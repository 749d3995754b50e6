// Φ on the boundary where two directions merge (docs/mathematics.md §3.3). When u_k → u_1 along
// u_k = (u_1 + εδ)/‖u_1 + εδ‖, the span of relu(<u_1, ·>) and relu(<u_k, ·>) tends to the span of
// relu(<u_1, ·>) and the derivative feature g(x) = <δ, x> 1{<u_1, x> > 0}, and Φ tends to the
// variable projection onto the limit span:
//
//   Φ_∂(U', δ) = t_∂ᵀ G_∂⁻¹ t_∂,   U' = (u_1, …, u_{M−1}), δ the last column of U,
//   G_∂ = [ K̂(U')  b ; bᵀ  π‖δ‖² ],   t_∂ = (1, …, 1, s),   s = <δ, u_1>,
//   b_k = 2π E[g relu(<u_k, ·>)] = s k(ρ_k) + k'(ρ_k) (<δ, u_k> − ρ_k s),   ρ_k = <u_1, u_k>,
//
// (b_1 = π s; the entries are the directional derivatives of ‖u‖ k(<u, u_k>/‖u‖) and of the
// target's correlation ‖u‖ along δ at u = u_1; 2π E[g²] = π‖δ‖²). Only the part of δ orthogonal to
// u_1 matters: δ + c u_1 adds c relu(<u_1, ·>) to g, which the span already holds. So δ ranges
// over the sphere like the other columns, and Φ_∂ is a function on (S^{d−1})^M, undefined
// (`degenerate`) where δ = ±u_1 or where G_∂ is singular for another reason. By the Schur
// complement Φ_∂ ≥ Φ(U'), the value at the merged point.
//
// The gradient is the variable projection's, dΦ_∂ = 2 yᵀ dt_∂ − yᵀ dG_∂ y with y = G_∂⁻¹ t_∂,
// with the derivatives of b_k:
//   ∂b_k/∂ρ_k = k''(ρ_k)(<δ, u_k> − ρ_k s) = <δ, u_k − ρ_k u_1>/sin θ_k,
//   ∂b_k/∂s = k(ρ_k) − ρ_k k'(ρ_k),   ∂b_k/∂<δ, u_k> = k'(ρ_k).
//
// Literature (docs/mathematics.md §8): Cho and Saul 2009 (k and its derivatives).
#pragma once

#include "twolayer/gaussian/relu_kernel.hpp"
#include "twolayer/manifold/problem.hpp"
#include "twolayer/manifold/sphere_product.hpp"
#include "twolayer/numeric/constants.hpp"
#include "twolayer/numeric/matrix.hpp"
#include "twolayer/objective/reduced_objective.hpp"
#include "twolayer/objective/variable_projection.hpp"

namespace twolayer {

/// G_∂ for U = (u_1, …, u_{M−1}, δ), unit columns, M ≥ 2.
template <class Real>
matrix<Real> boundary_gram(const matrix<Real>& U)
{
  const Eigen::Index p = U.cols() - 1;  // the column of δ
  matrix<Real> G(p + 1, p + 1);
  G.topLeftCorner(p, p) = arc_cosine_gram(matrix<Real>(U.leftCols(p)));
  const Real s = U.col(p).dot(U.col(0));
  G(0, p) = G(p, 0) = pi<Real>() * s;
  for (Eigen::Index k = 1; k < p; ++k) {
    const auto a = angle<Real>::between(U.col(0), U.col(k));
    G(k, p) = G(p, k) =
        s * arc_cosine_kernel(a) + arc_cosine_kernel_derivative(a) * (U.col(p).dot(U.col(k)) - a.cosine * s);
  }
  G(p, p) = pi<Real>() * U.col(p).squaredNorm();
  return G;
}

/// Φ_∂(U) with its scales y = G_∂⁻¹ t_∂; `degenerate` where G_∂ has a pivot below
/// `singular_tolerance`·π.
template <class Real>
projected_scales<Real> boundary_objective(const matrix<Real>& U, const Real& singular_tolerance)
{
  const Eigen::Index p = U.cols() - 1;
  vector<Real> t = vector<Real>::Ones(p + 1);
  t(p) = U.col(p).dot(U.col(0));
  return project_scales<Real>(boundary_gram(U), &t, singular_tolerance);
}

/// The Euclidean gradient of Φ_∂ (the extension by the formulas above), given y.
template <class Real>
matrix<Real> boundary_objective_euclidean_gradient(const matrix<Real>& U, const vector<Real>& y)
{
  const Eigen::Index p = U.cols() - 1;
  matrix<Real> gradient = matrix<Real>::Zero(U.rows(), U.cols());
  // the pairs within U': Φ's own gradient term (objective/reduced_objective.hpp)
  gradient.leftCols(p) = reduced_objective_euclidean_gradient(matrix<Real>(U.leftCols(p)), vector<Real>(y.head(p)));
  const auto delta = U.col(p);
  const auto u = U.col(0);
  // the target t_p = s: +2 y_p ds
  gradient.col(p) += 2 * y(p) * u;
  gradient.col(0) += 2 * y(p) * delta;
  // G_pp = π‖δ‖² and b_1 = π s
  gradient.col(p) -= 2 * pi<Real>() * y(p) * y(p) * delta;
  gradient.col(p) -= 2 * y(p) * y(0) * pi<Real>() * u;
  gradient.col(0) -= 2 * y(p) * y(0) * pi<Real>() * delta;
  // b_k, k ≥ 1
  for (Eigen::Index k = 1; k < p; ++k) {
    const auto a = angle<Real>::between(u, U.col(k));
    const vector<Real> normal = U.col(k) - a.cosine * u;  // length sin θ_k
    const Real by_rho = a.sine > 0 ? Real(delta.dot(normal) / a.sine) : Real(0);
    const Real slope = arc_cosine_kernel_derivative(a);
    const Real by_s = arc_cosine_kernel(a) - a.cosine * slope;
    const Real weight = 2 * y(p) * y(k);
    gradient.col(0) -= weight * (by_rho * U.col(k) + by_s * delta);
    gradient.col(k) -= weight * (by_rho * u + slope * delta);
    gradient.col(p) -= weight * (by_s * u + slope * U.col(k));
  }
  return gradient;
}

/// Φ_∂ as a problem on (S^{d−1})^M for the multi-start search (manifold/problem.hpp).
template <class Real>
struct boundary_objective_problem {
  Real singular_tolerance;

  sphere_evaluation<Real> operator()(const matrix<Real>& U) const
  {
    const auto value = boundary_objective(U, singular_tolerance);
    if (value.degenerate)
      return sphere_evaluation<Real>{true, Real(0), matrix<Real>()};
    return sphere_evaluation<Real>{false, value.value,
                                   sphere_product::project(U, boundary_objective_euclidean_gradient(U, value.scales))};
  }
};

}  // namespace twolayer
