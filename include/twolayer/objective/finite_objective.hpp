// The finite objective for a realised target (docs/mathematics.md §2), for any activation σ with a
// closed-form kernel K (gaussian/closed_form_kernel.hpp):
//
//   L_N(b, V) = (1/N²) Σ_{i,i'} a_i a_i' K(w_i, w_i') − (2/N) Σ_{i,j} a_i b_j K(w_i, v_j)
//               + Σ_{j,j'} b_j b_j' K(v_j, v_j'),
//
// the exact population loss E_x[(f_N(x) − g(x))²] of g(x) = Σ_j b_j σ(<v_j, x>) against
// f_N(x) = (1/N) Σ_i a_i σ(<w_i, x>). For activations homogeneous of degree 1 (relu, leaky
// relu, abs, linear) the cross terms, their gradient and E[f_N²] come from the target seen
// through unit directions (objective/target_cross_term.hpp: one matrix product Ŵᵀ V̂ per
// evaluation), using K(w, v) = ‖v‖ t_w(v̂) and ∇_v K(w, v) = ∇t_w(v̂) (degree 0 in v); the
// gradient exists only for those. Other activations (step, erf, quadratic) are summed pair
// by pair from their closed-form kernels. The constant term E[f_N²] costs O(N²) kernel
// evaluations and is computed once, at construction (blocked, on `threads` threads, the
// same bits on any number), unless the caller declines it (too large): then only the
// variable part L_N − E[f_N²], which the minimiser and gradient need, is available, and
// asking for the value is an error rather than a silent estimate. Each evaluation costs
// O(NM + M²).
#pragma once

#include "twolayer/gaussian/closed_form_kernel.hpp"
#include "twolayer/objective/compressed_term.hpp"
#include "twolayer/objective/target_cross_term.hpp"

#include <optional>
#include <stdexcept>
#include <type_traits>
#include <variant>

namespace twolayer {

template <class Real, class Activation = activation::relu>
class finite_objective {
  static constexpr bool homogeneous = Activation::homogeneity == 1;
  using cross_type = std::conditional_t<homogeneous, target_cross_term<Real, Activation>, std::monostate>;

public:
  /// a: second-layer weights (N); W: first-layer weights as the columns of a d × N matrix.
  finite_objective(vector<Real> a, matrix<Real> W, bool with_constant_term = true,
                   Activation sigma = Activation{}, unsigned threads = 1)
      : sigma_(std::move(sigma)), a_(std::move(a)), W_(std::move(W)), cross_(make_cross())
  {
    if (!with_constant_term)
      return;
    if constexpr (homogeneous) {
      constant_ = cross_.second_moment(threads);
    } else {
      const auto N = a_.size();
      std::vector<Real> rows(static_cast<std::size_t>(N));
      for_each_task(rows.size(), threads, [&](std::size_t r) {
        const auto i = static_cast<Eigen::Index>(r);
        Real row = a_(i) * closed_form_kernel(sigma_, W_.col(i), W_.col(i));
        for (Eigen::Index k = i + 1; k < N; ++k)
          row += 2 * a_(k) * closed_form_kernel(sigma_, W_.col(i), W_.col(k));
        rows[r] = a_(i) * row;
      });
      Real sum = 0;
      for (const auto& row : rows)
        sum += row;
      constant_ = sum / (Real(N) * Real(N));
    }
  }

  bool has_constant_term() const { return constant_.has_value(); }

  /// E[f_N²]; an error when it was not computed.
  const Real& constant_term() const
  {
    if (!constant_)
      throw std::logic_error("twolayer: the constant term E[f_N^2] was not computed");
    return *constant_;
  }

  /// E_x[f_N(x) σ(<v, x>)] = (1/N) Σ_i a_i K(w_i, v).
  Real cross_term(const vector<Real>& v) const
  {
    if constexpr (homogeneous) {
      const Real norm = v.norm();
      if (norm == 0)
        return Real(0);
      return norm * cross_.values(matrix<Real>(v / norm))(0);
    } else {
      Real sum = 0;
      for (Eigen::Index i = 0; i < a_.size(); ++i)
        sum += a_(i) * closed_form_kernel(sigma_, W_.col(i), v);
      return sum / Real(a_.size());
    }
  }

  /// L_N(b, V).
  Real value(const vector<Real>& b, const matrix<Real>& V) const
  {
    return constant_term() + variable_part(b, V);
  }

  /// L_N(b, V) − E[f_N²].
  Real variable_part(const vector<Real>& b, const matrix<Real>& V) const
  {
    check_shapes(b, V);
    Real loss = compressed_second_moment(sigma_, b, V);
    for (Eigen::Index j = 0; j < b.size(); ++j)
      loss -= 2 * b(j) * cross_term(V.col(j));
    return loss;
  }

  /// ∂L_N/∂b and ∂L_N/∂V (columns): ∂/∂b_j = −2‖v_j‖ t(v̂_j) + …, ∂/∂v_j = −2 b_j ∇t(v̂_j) + …
  /// (the compressed term's share from objective/compressed_term.hpp).
  void gradient(const vector<Real>& b, const matrix<Real>& V, vector<Real>& grad_b,
                matrix<Real>& grad_V) const
  {
    static_assert(homogeneous, "the gradient needs an activation homogeneous of degree 1");
    check_shapes(b, V);
    const vector<Real> norms = V.colwise().norm().transpose();
    if ((norms.array() == 0).any())
      throw std::domain_error("twolayer: the kernel is not differentiable at v = 0");
    const matrix<Real> directions = V * norms.cwiseInverse().asDiagonal();
    vector<Real> t;
    matrix<Real> pulls;
    cross_.values_and_gradients(directions, t, pulls);
    grad_b = -2 * norms.cwiseProduct(t);
    grad_V = -2 * pulls * b.asDiagonal();
    add_compressed_second_moment_gradient(sigma_, b, V, grad_b, grad_V);
  }

private:
  cross_type make_cross() const
  {
    if (a_.size() != W_.cols() || a_.size() == 0)
      throw std::invalid_argument("twolayer: target needs N >= 1 and one weight per column of W");
    if constexpr (homogeneous)
      return cross_type(vector<Real>(a_ / Real(a_.size())), W_, sigma_);
    else
      return cross_type{};
  }
  void check_shapes(const vector<Real>& b, const matrix<Real>& V) const
  {
    if (b.size() != V.cols() || V.rows() != W_.rows())
      throw std::invalid_argument("twolayer: compressed network shape does not match the target");
  }

  Activation sigma_;
  vector<Real> a_;
  matrix<Real> W_;
  cross_type cross_;
  std::optional<Real> constant_;
};

template <class Real>
using finite_relu_objective = finite_objective<Real, activation::relu>;

}  // namespace twolayer
