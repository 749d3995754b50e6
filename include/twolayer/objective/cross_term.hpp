// What the reduced loss Ψ(U) = tᵀ G(U)⁻¹ t (docs/mathematics.md §3.1) needs of a target: the
// cross terms t_j = E[f σ(<u_j, x>)] of unit directions and their Euclidean gradients ∇t_j
// (of the degree-h extension ‖u‖^h t(û), at unit u). A realised network
// (objective/target_cross_term.hpp), the mean-shifted mean-field target
// (objective/mean_shifted_cross_term.hpp) and a user's network all provide them, and share Ψ, its
// problem and its Hessian (objective/reduced_loss_problem.hpp, objective/reduced_loss_hessian.hpp).
#pragma once

#include "twolayer/numeric/matrix.hpp"

#include <concepts>

namespace twolayer {

template <class C, class Real>
concept cross_term = requires(const C& target, const matrix<Real>& U, vector<Real>& t, matrix<Real>& gradients) {
  { target.values(U) } -> std::convertible_to<vector<Real>>;
  target.values_and_gradients(U, t, gradients);
};

}  // namespace twolayer
