// The finite objective for a realised target (DESIGN.md §2), for any activation σ with a
// closed-form kernel K (gaussian/closed_form_kernel.hpp):
//
//   L_N(b, V) = (1/N²) Σ_{i,i'} a_i a_i' K(w_i, w_i') − (2/N) Σ_{i,j} a_i b_j K(w_i, v_j)
//               + Σ_{j,j'} b_j b_j' K(v_j, v_j'),
//
// the exact population loss E_x[(f_N(x) − g(x))²] of g(x) = Σ_j b_j σ(<v_j, x>) against
// f_N(x) = (1/N) Σ_i a_i σ(<w_i, x>). The gradient is available for activations
// homogeneous of degree 1 (gaussian/homogeneous_kernel.hpp). The constant term E[f_N²] costs O(N²) kernel
// evaluations and is computed once, at construction, unless the caller declines it (too
// large): then only the variable part L_N − E[f_N²], which the minimiser and gradient
// need, is available, and asking for the value is an error rather than a silent estimate.
// Each evaluation costs O(NM + M²).
#pragma once

#include "twolayer/gaussian/closed_form_kernel.hpp"
#include "twolayer/gaussian/homogeneous_kernel.hpp"
#include "twolayer/objective/compressed_term.hpp"

#include <optional>
#include <stdexcept>

namespace twolayer {

template <class Real, class Activation = activation::relu>
class finite_objective {
public:
  /// a: second-layer weights (N); W: first-layer weights as the columns of a d × N matrix.
  finite_objective(vector<Real> a, matrix<Real> W, bool with_constant_term = true,
                   Activation sigma = Activation{})
      : sigma_(std::move(sigma)), a_(std::move(a)), W_(std::move(W))
  {
    if (a_.size() != W_.cols() || a_.size() == 0)
      throw std::invalid_argument("twolayer: target needs N >= 1 and one weight per column of W");
    if (!with_constant_term)
      return;
    const auto N = a_.size();
    Real sum = 0;
    for (Eigen::Index i = 0; i < N; ++i) {
      sum += a_(i) * a_(i) * kernel(W_.col(i), W_.col(i));
      for (Eigen::Index k = i + 1; k < N; ++k)
        sum += 2 * a_(i) * a_(k) * kernel(W_.col(i), W_.col(k));
    }
    constant_ = sum / (Real(N) * Real(N));
  }

  bool has_constant_term() const { return constant_.has_value(); }

  /// E[f_N²]; an error when it was not computed.
  const Real& constant_term() const
  {
    if (!constant_)
      throw std::logic_error("twolayer: the constant term E[f_N^2] was not computed");
    return *constant_;
  }

  /// E_x[f_N(x) relu(<v, x>)] = (1/N) Σ_i a_i K(w_i, v).
  Real cross_term(const vector<Real>& v) const
  {
    Real sum = 0;
    for (Eigen::Index i = 0; i < a_.size(); ++i)
      sum += a_(i) * kernel(W_.col(i), v);
    return sum / Real(a_.size());
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

  /// ∂L_N/∂b and ∂L_N/∂V (columns), from ∇_v K (gaussian/homogeneous_kernel.hpp).
  void gradient(const vector<Real>& b, const matrix<Real>& V, vector<Real>& grad_b,
                matrix<Real>& grad_V) const
  {
    check_shapes(b, V);
    const auto N = a_.size();
    grad_b = vector<Real>::Zero(b.size());
    grad_V = matrix<Real>::Zero(V.rows(), V.cols());
    for (Eigen::Index j = 0; j < b.size(); ++j) {
      vector<Real> target_pull = vector<Real>::Zero(V.rows());
      for (Eigen::Index i = 0; i < N; ++i) {
        const auto pair = homogeneous_kernel_and_gradient<Activation, Real>(sigma_, W_.col(i), V.col(j));
        grad_b(j) -= 2 * a_(i) * pair.value / Real(N);
        target_pull += a_(i) * pair.gradient;
      }
      grad_V.col(j) -= 2 * b(j) * target_pull / Real(N);
    }
    add_compressed_second_moment_gradient(sigma_, b, V, grad_b, grad_V);
  }

private:
  Real kernel(const vector<Real>& u, const vector<Real>& v) const
  {
    return closed_form_kernel(sigma_, u, v);
  }
  void check_shapes(const vector<Real>& b, const matrix<Real>& V) const
  {
    if (b.size() != V.cols() || V.rows() != W_.rows())
      throw std::invalid_argument("twolayer: compressed network shape does not match the target");
  }

  Activation sigma_;
  vector<Real> a_;
  matrix<Real> W_;
  std::optional<Real> constant_;
};

template <class Real>
using finite_relu_objective = finite_objective<Real, activation::relu>;

}  // namespace twolayer
