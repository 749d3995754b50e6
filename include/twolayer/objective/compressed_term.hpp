// The term both objectives share (docs/mathematics.md §2): the compressed network's own second
// moment E[g²] = Σ_{j,j'} b_j b_j' K(v_j, v_j'), and its gradient in (b, V),
//   ∂/∂b_j = 2 Σ_k b_k K(v_j, v_k),   ∂/∂v_j = 2 b_j Σ_k b_k ∇_v K(v_k, v_j)
// (K symmetric; the gradient needs σ homogeneous of degree 1, gaussian/homogeneous_kernel.hpp).
#pragma once

#include "twolayer/gaussian/closed_form_kernel.hpp"
#include "twolayer/gaussian/homogeneous_kernel.hpp"

namespace twolayer {

template <class Activation, class Real>
Real compressed_second_moment(const Activation& sigma, const vector<Real>& b, const matrix<Real>& V)
{
  Real sum = 0;
  for (Eigen::Index j = 0; j < b.size(); ++j)
    for (Eigen::Index k = 0; k < b.size(); ++k)
      sum += b(j) * b(k) * closed_form_kernel(sigma, V.col(j), V.col(k));
  return sum;
}

/// Adds the gradient of compressed_second_moment to grad_b and grad_V.
template <class Activation, class Real>
void add_compressed_second_moment_gradient(const Activation& sigma, const vector<Real>& b,
                                           const matrix<Real>& V, vector<Real>& grad_b,
                                           matrix<Real>& grad_V)
{
  for (Eigen::Index j = 0; j < b.size(); ++j)
    for (Eigen::Index k = 0; k < b.size(); ++k) {
      const auto pair = homogeneous_kernel_and_gradient<Activation, Real>(sigma, V.col(k), V.col(j));
      grad_b(j) += 2 * b(k) * pair.value;
      grad_V.col(j) += 2 * b(j) * b(k) * pair.gradient;
    }
}

}  // namespace twolayer
