// The manifold (S^{d−1})^M of M unit directions in R^d, stored as the columns of a d × M
// matrix: tangent projection, retraction by normalisation, and the inner product the
// optimisers use (Manopt's "manifold" piece).
#pragma once

#include "twolayer/numeric/eigen_traits.hpp"

namespace twolayer::sphere_product {

/// Projects each column of Z onto the tangent space at the matching column of U.
template <class Real>
matrix<Real> project(const matrix<Real>& U, const matrix<Real>& Z)
{
  matrix<Real> tangent = Z;
  for (Eigen::Index j = 0; j < U.cols(); ++j)
    tangent.col(j) -= U.col(j).dot(Z.col(j)) * U.col(j);
  return tangent;
}

/// R_U(ξ): each column of U + ξ normalised (a second-order retraction).
template <class Real>
matrix<Real> retract(const matrix<Real>& U, const matrix<Real>& xi)
{
  matrix<Real> moved = U + xi;
  for (Eigen::Index j = 0; j < moved.cols(); ++j)
    moved.col(j).normalize();
  return moved;
}

/// The Euclidean (Frobenius) inner product, which the sphere inherits.
template <class Real>
Real inner(const matrix<Real>& a, const matrix<Real>& b)
{
  return (a.array() * b.array()).sum();
}

}  // namespace twolayer::sphere_product
