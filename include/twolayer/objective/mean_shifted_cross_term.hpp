// The cross terms of the mean-shifted relu target (docs/mathematics.md §2.1) as a target of the
// reduced loss (objective/cross_term.hpp): for unit u_j with c_j = <u_j, μ̂>,
//
//   t_j = T(c_j),   ∇t_j = T(c_j) u_j + T'(c_j)(μ̂ − c_j u_j)
//
// (the Euclidean gradient of ‖u‖ T(<u, μ̂>/‖u‖) at unit u: relu is homogeneous of degree 1). T is
// the zonal series of gaussian/mean_shifted_relu.hpp, a polynomial in c, evaluated in the scalar
// of U; T' comes from one dual-number pass. A cross term over dual<Real> (for Hessians by dual
// numbers) is built from the Real one.
#pragma once

#include "twolayer/gaussian/mean_shifted_relu.hpp"
#include "twolayer/numeric/dual.hpp"
#include "twolayer/numeric/matrix.hpp"

#include <stdexcept>
#include <vector>

namespace twolayer {

template <class Real>
class mean_shifted_cross_term {
public:
  /// The target's series and the direction of its mean (normalised here; must be non-zero).
  template <class Source>
  mean_shifted_cross_term(const mean_shifted_relu_target<Source>& target, const vector<Source>& mean_direction)
      : d_(target.dimension()), series_(target.series().begin(), target.series().end()),
        mean_direction_(mean_direction.template cast<Real>())
  {
    if (mean_direction.size() != static_cast<Eigen::Index>(d_))
      throw std::invalid_argument("twolayer: the mean direction must have d entries");
    const Real norm = mean_direction_.norm();
    if (!(norm > 0))
      throw std::invalid_argument("twolayer: the mean direction must be non-zero");
    mean_direction_ /= norm;
  }

  Eigen::Index dimension() const { return d_; }
  /// μ̂.
  const vector<Real>& mean_direction() const { return mean_direction_; }

  /// t_j = T(<u_j, μ̂>) for the unit columns of U.
  vector<Real> values(const matrix<Real>& U) const
  {
    require_rows(U);
    const vector<Real> cosines = U.transpose() * mean_direction_;
    vector<Real> t(U.cols());
    for (Eigen::Index j = 0; j < U.cols(); ++j)
      t(j) = sphere_legendre_series(d_, series_, cosines(j));
    return t;
  }

  /// t_j and the columns ∇t_j.
  void values_and_gradients(const matrix<Real>& U, vector<Real>& t, matrix<Real>& gradients) const
  {
    require_rows(U);
    const vector<Real> cosines = U.transpose() * mean_direction_;
    t.resize(U.cols());
    gradients.resize(U.rows(), U.cols());
    for (Eigen::Index j = 0; j < U.cols(); ++j) {
      const dual<Real> at = sphere_legendre_series(d_, series_, dual<Real>(cosines(j), Real(1)));
      t(j) = at.value;
      gradients.col(j) = at.value * U.col(j) + at.derivative * (mean_direction_ - cosines(j) * U.col(j));
    }
  }

private:
  void require_rows(const matrix<Real>& U) const
  {
    if (U.rows() != static_cast<Eigen::Index>(d_))
      throw std::invalid_argument("twolayer: directions of dimension " + std::to_string(U.rows()) +
                                  " for a target in dimension " + std::to_string(d_));
  }

  unsigned d_;
  std::vector<Real> series_;
  vector<Real> mean_direction_;
};

}  // namespace twolayer
