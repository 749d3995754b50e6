// The simplified (mean-field) objective of docs/mathematics.md §2 for an isotropic target with
// expected scaling factor α = E[a‖w‖] and an activation σ homogeneous of degree 1 (relu,
// leaky relu, abs): the target is F(x) = α μ_σ ‖x‖, μ_σ = E[σ(u₁)] on the sphere
// (gaussian/homogeneous_kernel.hpp), so
//
//   L~(b, V) = α² d μ_σ² − 2 α d μ_σ² Σ_j b_j ‖v_j‖ + Σ_{j,j'} b_j b_j' K(v_j, v_j'),
//
// (for relu μ = c_d, docs/mathematics.md §2), and its gradient in (b, V).
#pragma once

#include "twolayer/gaussian/closed_form_kernel.hpp"
#include "twolayer/gaussian/homogeneous_kernel.hpp"
#include "twolayer/objective/compressed_term.hpp"
#include "twolayer/gaussian/sphere_moments.hpp"

#include <stdexcept>

namespace twolayer {

template <class Real, class Activation = activation::relu>
class simplified_objective {
  static_assert(Activation::homogeneity == 1, "needs an activation homogeneous of degree 1");

public:
  simplified_objective(const Real& alpha, unsigned d, Activation sigma = Activation{})
      : sigma_(std::move(sigma)), alpha_(alpha), d_(d)
  {
    const Real mean = sphere_mean<Real>(sigma_, d);
    cross_ = alpha * d * mean * mean;
  }

  /// E[F²] = α² d μ_σ².
  Real constant_term() const { return alpha_ * cross_; }
  /// E[F(x) σ(<v,x>)] per unit ‖v‖: α d μ_σ².
  const Real& cross_coefficient() const { return cross_; }

  Real value(const vector<Real>& b, const matrix<Real>& V) const
  {
    check_shapes(b, V);
    Real loss = constant_term() + compressed_second_moment(sigma_, b, V);
    for (Eigen::Index j = 0; j < b.size(); ++j)
      loss -= 2 * cross_ * b(j) * V.col(j).norm();
    return loss;
  }

  void gradient(const vector<Real>& b, const matrix<Real>& V, vector<Real>& grad_b,
                matrix<Real>& grad_V) const
  {
    check_shapes(b, V);
    grad_b = vector<Real>::Zero(b.size());
    grad_V = matrix<Real>::Zero(V.rows(), V.cols());
    for (Eigen::Index j = 0; j < b.size(); ++j) {
      const Real norm = V.col(j).norm();
      if (norm == 0)
        throw std::domain_error("twolayer: L~ is not differentiable at v_j = 0");
      grad_b(j) -= 2 * cross_ * norm;
      grad_V.col(j) -= 2 * cross_ * b(j) * V.col(j) / norm;
    }
    add_compressed_second_moment_gradient(sigma_, b, V, grad_b, grad_V);
  }

private:
  void check_shapes(const vector<Real>& b, const matrix<Real>& V) const
  {
    if (b.size() != V.cols() || V.rows() != static_cast<Eigen::Index>(d_))
      throw std::invalid_argument("twolayer: compressed network shape does not match d");
  }

  Activation sigma_;
  Real alpha_;
  unsigned d_;
  Real cross_;
};

template <class Real>
using simplified_relu_objective = simplified_objective<Real, activation::relu>;

}  // namespace twolayer
