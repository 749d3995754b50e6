// The simplex equiangular tight frame (DESIGN.md §3): M unit vectors with pairwise inner
// products −1/(M−1), spanning an (M−1)-dimensional subspace; it exists in R^d iff
// M ≤ d + 1 (M = 1 is the single direction e₁).
//
// Canonical construction, exact in any precision: u_i = √(M/(M−1)) (e_i − 1/M) ∈ R^M lies
// in the hyperplane 1^⊥, and its coordinates in the Helmert basis of that hyperplane,
//   h_k = (1, …, 1, −k, 0, …, 0) / √(k(k+1))   (k ones),  k = 1, …, M−1,
// are u_i[k] = √(M/(M−1)) h_k[i]; they fill the first M−1 coordinates of R^d.
#pragma once

#include "twolayer/numeric/eigen_traits.hpp"

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

}  // namespace twolayer
