// The simplified (mean-field) objective of DESIGN.md §2 for an isotropic ReLU target with
// expected scaling factor α = E[a‖w‖]:
//
//   L~(b, V) = α² d c_d² − 2 α d c_d² Σ_j b_j ‖v_j‖ + Σ_{j,j'} b_j b_j' K(v_j, v_j'),
//
// K the ReLU kernel (‖u‖‖v‖ k(ρ)/2π), and its gradient in (b, V).
#pragma once

#include "twolayer/gaussian/closed_form_kernel.hpp"
#include "twolayer/gaussian/relu_kernel_gradient.hpp"
#include "twolayer/gaussian/sphere_moments.hpp"

#include <stdexcept>

namespace twolayer {

template <class Real>
class simplified_relu_objective {
public:
  simplified_relu_objective(const Real& alpha, unsigned d)
      : alpha_(alpha), d_(d), cross_(alpha * d * sphere_relu_mean<Real>(d) * sphere_relu_mean<Real>(d))
  {
  }

  /// E[F²] = α² d c_d².
  Real constant_term() const { return alpha_ * cross_; }
  /// E[F(x) relu(<v,x>)] per unit ‖v‖: α d c_d².
  const Real& cross_coefficient() const { return cross_; }

  Real value(const vector<Real>& b, const matrix<Real>& V) const
  {
    check_shapes(b, V);
    Real loss = constant_term();
    for (Eigen::Index j = 0; j < b.size(); ++j) {
      loss -= 2 * cross_ * b(j) * V.col(j).norm();
      for (Eigen::Index k = 0; k < b.size(); ++k)
        loss += b(j) * b(k) * closed_form_kernel(activation::relu{}, V.col(j), V.col(k));
    }
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
      for (Eigen::Index k = 0; k < b.size(); ++k) {
        grad_b(j) += 2 * b(k) * closed_form_kernel(activation::relu{}, V.col(j), V.col(k));
        grad_V.col(j) += 2 * b(j) * b(k) * relu_kernel_gradient<Real>(V.col(k), V.col(j));
      }
    }
  }

private:
  void check_shapes(const vector<Real>& b, const matrix<Real>& V) const
  {
    if (b.size() != V.cols() || V.rows() != static_cast<Eigen::Index>(d_))
      throw std::invalid_argument("twolayer: compressed network shape does not match d");
  }

  Real alpha_;
  unsigned d_;
  Real cross_;
};

}  // namespace twolayer
