// Seeded Gaussian test data in any precision (portable Boost.Random streams, drawn in
// double and converted exactly).
#pragma once

#include "twolayer/numeric/matrix.hpp"

#include <boost/random/mersenne_twister.hpp>
#include <boost/random/normal_distribution.hpp>

#include <cstdint>

namespace twolayer::testing {

template <class Real>
matrix<Real> gaussian_matrix(int rows, int cols, std::uint64_t seed)
{
  boost::random::mt19937_64 engine(seed);
  boost::random::normal_distribution<double> normal;
  matrix<Real> m(rows, cols);
  for (int j = 0; j < cols; ++j)
    for (int i = 0; i < rows; ++i)
      m(i, j) = Real(normal(engine));
  return m;
}

template <class Real>
vector<Real> gaussian_vector(int n, std::uint64_t seed)
{
  return gaussian_matrix<Real>(n, 1, seed).col(0);
}

/// Columns uniform on the unit sphere.
template <class Real>
matrix<Real> random_unit_columns(int d, int M, std::uint64_t seed)
{
  matrix<Real> U = gaussian_matrix<Real>(d, M, seed);
  for (int j = 0; j < M; ++j)
    U.col(j).normalize();
  return U;
}

/// The geodesic of (S^{d−1})^M through U with tangent velocity ξ, column by column, at time t
/// (t may be a dual number, to differentiate along it).
template <class Real, class T>
matrix<T> geodesic(const matrix<Real>& U, const matrix<Real>& xi, const T& t)
{
  using std::cos;
  using std::sin;
  matrix<T> moved(U.rows(), U.cols());
  for (Eigen::Index j = 0; j < U.cols(); ++j) {
    const Real speed = xi.col(j).norm();
    const T c = cos(T(t * speed)), s = sin(T(t * speed));
    for (Eigen::Index k = 0; k < U.rows(); ++k)
      moved(k, j) = c * T(U(k, j)) + s * T(speed == 0 ? Real(0) : Real(xi(k, j) / speed));
  }
  return moved;
}

}  // namespace twolayer::testing
