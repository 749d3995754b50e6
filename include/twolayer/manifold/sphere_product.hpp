// The manifold (S^{d−1})^M of M unit directions in R^d, stored as the columns of a d × M
// matrix (Manopt's "manifold" piece, docs/mathematics.md §3): tangent projection,
// retraction by normalisation, the inner product the optimisers use, orthonormal bases of
// the tangent spaces (the coordinates in which Hessians are matrices), and a uniform random
// point. Vector transport is by projection (project at the new point).
//
// Literature (docs/mathematics.md §8): Absil, Mahony and Sepulchre 2008 (projection, retraction);
//   Boumal et al. 2014 (Manopt).
#pragma once

#include "twolayer/numeric/instances.hpp"

#include "twolayer/numeric/matrix.hpp"

#include <boost/random/mersenne_twister.hpp>
#include <boost/random/normal_distribution.hpp>

#include <Eigen/Householder>
#include <Eigen/QR>

#include <cstdint>

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

/// An orthonormal basis of the tangent space u^⊥ of the unit sphere at u, as the d−1
/// columns of a d × (d−1) matrix (Householder: exact up to rounding in any precision).
template <class Real>
matrix<Real> tangent_basis(const vector<Real>& u)
{
  const int d = static_cast<int>(u.size());
  const matrix<Real> column = u;
  Eigen::HouseholderQR<matrix<Real>> qr(column);
  const matrix<Real> q = qr.householderQ() * matrix<Real>::Identity(d, d);
  return q.rightCols(d - 1);
}

/// Block-diagonal matrix (dM × M(d−1)) of tangent bases, one block per column of U: the
/// tangent coordinates of (S^{d−1})^M at U (a tangent vector ξ is T c, c = Tᵀ ξ).
template <class Real>
matrix<Real> tangent_bases(const matrix<Real>& U)
{
  const int d = static_cast<int>(U.rows());
  const int M = static_cast<int>(U.cols());
  matrix<Real> T = matrix<Real>::Zero(d * M, (d - 1) * M);
  for (int j = 0; j < M; ++j)
    T.block(j * d, j * (d - 1), d, d - 1) = tangent_basis<Real>(U.col(j));
  return T;
}

/// A uniform random point: M independent uniform directions in R^d (normalised Gaussian
/// vectors from Boost.Random's mt19937_64, the same stream on every platform).
inline matrix<double> random_point(int M, int d, std::uint64_t seed)
{
  boost::random::mt19937_64 engine(seed);
  boost::random::normal_distribution<double> normal(0.0, 1.0);
  matrix<double> U(d, M);
  for (int j = 0; j < M; ++j) {
    for (int i = 0; i < d; ++i)
      U(i, j) = normal(engine);
    U.col(j).normalize();
  }
  return U;
}

}  // namespace twolayer::sphere_product

namespace twolayer {

// Compiled instances (numeric/instances.hpp).
#define TWOLAYER_INSTANCES_SPHERE_PRODUCT(EXTERN, Real)                                            \
  EXTERN template matrix<Real> sphere_product::project(const matrix<Real>&, const matrix<Real>&); \
  EXTERN template matrix<Real> sphere_product::retract(const matrix<Real>&, const matrix<Real>&); \
  EXTERN template matrix<Real> sphere_product::tangent_basis(const vector<Real>&);                \
  EXTERN template matrix<Real> sphere_product::tangent_bases(const matrix<Real>&);
TWOLAYER_EXTERN_SEARCH_INSTANCES(TWOLAYER_INSTANCES_SPHERE_PRODUCT)
TWOLAYER_EXTERN_VERIFICATION_INSTANCES(TWOLAYER_INSTANCES_SPHERE_PRODUCT)
}  // namespace twolayer
