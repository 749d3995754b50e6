// The simplex equiangular tight frame (docs/mathematics.md §3): M unit vectors with pairwise inner
// products −1/(M−1), spanning an (M−1)-dimensional subspace; it exists in R^d iff
// M ≤ d + 1 (M = 1 is the single direction e₁).
//
// Canonical construction, exact in any precision: u_i = √(M/(M−1)) (e_i − 1/M) ∈ R^M lies
// in the hyperplane 1^⊥, and its coordinates in the Helmert basis of that hyperplane,
//   h_k = (1, …, 1, −k, 0, …, 0) / √(k(k+1))   (k ones),  k = 1, …, M−1,
// are u_i[k] = √(M/(M−1)) h_k[i]; they fill the first M−1 coordinates of R^d.
#pragma once

#include "twolayer/numeric/instances.hpp"

#include "twolayer/numeric/matrix.hpp"

#include <Eigen/QR>
#include <boost/random/mersenne_twister.hpp>
#include <boost/random/normal_distribution.hpp>

#include <cstdint>
#include <stdexcept>
#include <string>

namespace twolayer {

/// The canonical simplex ETF of M vectors in R^d, as the columns of a d × M matrix.
template <class Real>
matrix<Real> simplex_etf(int M, int d)
{
  using std::sqrt;
  if (M < 1 || d < 1 || M > d + 1)
    throw std::domain_error("twolayer::simplex_etf: no simplex ETF of M = " + std::to_string(M) +
                            " vectors in R^" + std::to_string(d) + " (needs 1 <= M <= d + 1)");
  matrix<Real> u = matrix<Real>::Zero(d, M);
  if (M == 1) {
    u(0, 0) = 1;
    return u;
  }
  const Real scale = sqrt(Real(M) / Real(M - 1));
  for (int k = 1; k <= M - 1; ++k) {
    const Real h = scale / sqrt(Real(k) * Real(k + 1));
    for (int i = 0; i < k; ++i)
      u(k - 1, i) = h;
    u(k - 1, k) = -k * h;
  }
  return u;
}

/// A Haar-random orthogonal d × d matrix from the seed: Q of the QR factorisation of a
/// Gaussian matrix, columns signed so that R has a positive diagonal. The Gaussian entries
/// are drawn in double (they are data); Q is orthogonal to the working precision.
template <class Real>
matrix<Real> random_orthogonal(int d, std::uint64_t seed)
{
  boost::random::mt19937_64 engine(seed);
  boost::random::normal_distribution<double> normal(0.0, 1.0);
  matrix<Real> G(d, d);
  for (int j = 0; j < d; ++j)
    for (int i = 0; i < d; ++i)
      G(i, j) = Real(normal(engine));
  Eigen::HouseholderQR<matrix<Real>> qr(G);
  matrix<Real> Q = qr.householderQ() * matrix<Real>::Identity(d, d);
  const matrix<Real> R = qr.matrixQR().template triangularView<Eigen::Upper>();
  for (int j = 0; j < d; ++j)
    if (R(j, j) < 0)
      Q.col(j) = -Q.col(j);
  return Q;
}

/// The simplex ETF in a random orientation: random_orthogonal(d, seed) · simplex_etf(M, d).
template <class Real>
matrix<Real> simplex_etf(int M, int d, std::uint64_t orientation_seed)
{
  return random_orthogonal<Real>(d, orientation_seed) * simplex_etf<Real>(M, d);
}

// Compiled instances (numeric/instances.hpp).
#define TWOLAYER_INSTANCES_SIMPLEX_ETF(EXTERN, Real)                             \
  EXTERN template matrix<Real> simplex_etf<Real>(int, int);                      \
  EXTERN template matrix<Real> random_orthogonal<Real>(int, std::uint64_t);      \
  EXTERN template matrix<Real> simplex_etf<Real>(int, int, std::uint64_t);
TWOLAYER_EXTERN_SEARCH_INSTANCES(TWOLAYER_INSTANCES_SIMPLEX_ETF)
TWOLAYER_EXTERN_VERIFICATION_INSTANCES(TWOLAYER_INSTANCES_SIMPLEX_ETF)

}  // namespace twolayer
