// The symmetry orbit of a configuration U ∈ (S^{d−1})^M under O(d) (DESIGN.md §3): Φ
// depends on U only through its Gram matrix, so the Hessian of Φ vanishes along the orbit.
// A configuration spanning r dimensions is fixed by the O(d−r) acting on its orthogonal
// complement, so its orbit has dimension d(d−1)/2 − (d−r)(d−r−1)/2.
#pragma once

#include "twolayer/numeric/eigen_traits.hpp"

#include <Eigen/SVD>

namespace twolayer {

/// dim O(d) − dim O(d − r).
inline int orbit_dimension(int d, int span)
{
  return d * (d - 1) / 2 - (d - span) * (d - span - 1) / 2;
}

/// Numerical rank of U: singular values above `tolerance` times the largest.
template <class Real>
int span_dimension(const matrix<Real>& U, const Real& tolerance)
{
  Eigen::JacobiSVD<matrix<Real>> svd(U);
  const auto& s = svd.singularValues();
  int rank = 0;
  for (Eigen::Index i = 0; i < s.size(); ++i)
    if (s(i) > tolerance * s(0))
      ++rank;
  return rank;
}

}  // namespace twolayer
