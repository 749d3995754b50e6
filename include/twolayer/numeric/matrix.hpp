// Dense vectors and matrices over every scalar type twolayer supports (numeric/scalar.hpp):
// Eigen's dynamic-size types, with the NumTraits of numeric/eigen_traits.hpp in scope so that
// decompositions over MPFR and MPFI numbers take their tolerances from the run-time precision.
#pragma once

#include "twolayer/numeric/eigen_traits.hpp"

#include <Eigen/Core>

namespace twolayer {

template <class Real>
using vector = Eigen::Matrix<Real, Eigen::Dynamic, 1>;
template <class Real>
using matrix = Eigen::Matrix<Real, Eigen::Dynamic, Eigen::Dynamic>;

}  // namespace twolayer
