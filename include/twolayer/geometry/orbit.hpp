// The symmetry orbit of a configuration U ∈ (S^{d−1})^M under O(d) (docs/mathematics.md §3): Φ
// depends on U only through its Gram matrix, so the Hessian of Φ vanishes along the orbit.
// A configuration spanning r dimensions is fixed by the O(d−r) acting on its orthogonal
// complement, so its orbit has dimension d(d−1)/2 − (d−r)(d−r−1)/2.
//
// The span r is the rank of the Gram matrix UᵀU: its eigenvalues above `tolerance` times
// the largest. A point known to within δ (a polished optimum: δ ≈ ‖g‖/margin) has the
// Gram eigenvalues that vanish at the exact point of order δ², so a tolerance well above
// δ² and well below the configuration's genuine eigenvalues (O(1/M)) gives the exact
// point's span. The antipodal pair polished to ‖g‖ = 10⁻⁴⁵ (δ ≈ 10⁻²³) has a second Gram
// eigenvalue near 10⁻⁴⁶: span 1, as for the exact pair.
#pragma once

#include "twolayer/numeric/instances.hpp"

#include "twolayer/numeric/matrix.hpp"

#include <Eigen/Eigenvalues>

namespace twolayer {

/// dim O(d) − dim O(d − r).
inline int orbit_dimension(int d, int span)
{
  return d * (d - 1) / 2 - (d - span) * (d - span - 1) / 2;
}

/// The span of the columns of U: the rank of the Gram matrix UᵀU, counting its eigenvalues
/// above `tolerance` times the largest.
template <class Real>
int span_dimension(const matrix<Real>& U, const Real& tolerance)
{
  if (U.cols() == 0)
    return 0;
  const matrix<Real> gram = U.transpose() * U;
  const vector<Real> eigenvalues =
      Eigen::SelfAdjointEigenSolver<matrix<Real>>(gram, Eigen::EigenvaluesOnly).eigenvalues();
  const Real largest = eigenvalues.maxCoeff();
  int rank = 0;
  for (Eigen::Index i = 0; i < eigenvalues.size(); ++i)
    if (eigenvalues(i) > tolerance * largest)
      ++rank;
  return rank;
}

// Compiled instances (numeric/instances.hpp).
#define TWOLAYER_INSTANCES_ORBIT(EXTERN, Real) \
  EXTERN template int span_dimension(const matrix<Real>&, const Real&);
TWOLAYER_EXTERN_SEARCH_INSTANCES(TWOLAYER_INSTANCES_ORBIT)
TWOLAYER_EXTERN_VERIFICATION_INSTANCES(TWOLAYER_INSTANCES_ORBIT)

}  // namespace twolayer
