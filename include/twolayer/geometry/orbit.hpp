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
//
// A target with a mean μ (docs/mathematics.md §2.1) is invariant only under the rotations that fix
// μ̂, a copy of O(d − 1) acting on μ̂^⊥. Such a rotation fixes U exactly when it fixes the span of
// μ̂ and the u_j, of dimension 1 + k with k the rank of the projections of the u_j onto μ̂^⊥; so the
// orbit of U under it has dimension dim O(d − 1) − dim O(d − 1 − k) = orbit_dimension(d − 1, k).
// `rotation_symmetry` carries either group as an orthonormal basis B of the subspace it acts on
// (B = I for O(d), a basis of μ̂^⊥ otherwise): its Lie algebra is spanned by b_p b_qᵀ − b_q b_pᵀ.
#pragma once

#include "twolayer/numeric/instances.hpp"

#include "twolayer/numeric/matrix.hpp"

#include <Eigen/Eigenvalues>
#include <Eigen/QR>

#include <stdexcept>
#include <utility>

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

/// The rotations a problem is invariant under: all of O(d), or the rotations fixing an axis.
template <class Real>
class rotation_symmetry {
public:
  /// O(d).
  static rotation_symmetry full(Eigen::Index d) { return rotation_symmetry(matrix<Real>::Identity(d, d)); }
  /// The rotations fixing the direction of `axis` (non-zero).
  static rotation_symmetry fixing(const vector<Real>& axis)
  {
    const Eigen::Index d = axis.size();
    // The last d − 1 columns of the Q of a Householder QR of the unit axis: an orthonormal basis of its complement.
    const vector<Real> unit = axis / axis.norm();
    const matrix<Real> Q = Eigen::HouseholderQR<matrix<Real>>(matrix<Real>(unit)).householderQ() * matrix<Real>::Identity(d, d);
    return rotation_symmetry(matrix<Real>(Q.rightCols(d - 1)));
  }

  /// An orthonormal basis (columns) of the subspace the rotations act on.
  const matrix<Real>& acting_basis() const { return basis_; }
  bool is_full() const { return basis_.cols() == basis_.rows(); }

  /// The dimension of the orbit of U: orbit_dimension(m, k), m the acting dimension and k the
  /// rank of the projections of U's columns onto the acting subspace (Gram eigenvalues above
  /// `tolerance` times the largest eigenvalue of UᵀU).
  int orbit_dimension_of(const matrix<Real>& U, const Real& tolerance) const
  {
    if (is_full())
      return orbit_dimension(static_cast<int>(U.rows()), span_dimension(U, tolerance));
    if (U.cols() == 0)
      return 0;
    const matrix<Real> projected = basis_.transpose() * U;
    const Real largest = Eigen::SelfAdjointEigenSolver<matrix<Real>>(matrix<Real>(U.transpose() * U), Eigen::EigenvaluesOnly)
                             .eigenvalues()
                             .maxCoeff();
    const vector<Real> eigenvalues =
        Eigen::SelfAdjointEigenSolver<matrix<Real>>(matrix<Real>(projected.transpose() * projected), Eigen::EigenvaluesOnly)
            .eigenvalues();
    int rank = 0;
    for (Eigen::Index i = 0; i < eigenvalues.size(); ++i)
      rank += eigenvalues(i) > tolerance * largest;
    return orbit_dimension(static_cast<int>(basis_.cols()), rank);
  }

  /// The element of the group acting as the orthogonal m × m matrix `acting` on the acting
  /// subspace (in the basis B) and as the identity on its complement: I − BBᵀ + B·acting·Bᵀ.
  /// With a Haar-random `acting` (geometry/simplex_etf.hpp) it is a random element of the group.
  matrix<Real> element(const matrix<Real>& acting) const
  {
    if (acting.rows() != basis_.cols() || acting.cols() != basis_.cols())
      throw std::invalid_argument("twolayer: a group element needs an orthogonal matrix of the acting dimension");
    const Eigen::Index d = basis_.rows();
    return matrix<Real>(matrix<Real>::Identity(d, d) - basis_ * basis_.transpose() + basis_ * acting * basis_.transpose());
  }

private:
  explicit rotation_symmetry(matrix<Real> basis) : basis_(std::move(basis)) {}
  matrix<Real> basis_;
};

// Compiled instances (numeric/instances.hpp).
#define TWOLAYER_INSTANCES_ORBIT(EXTERN, Real) \
  EXTERN template int span_dimension(const matrix<Real>&, const Real&);
TWOLAYER_EXTERN_SEARCH_INSTANCES(TWOLAYER_INSTANCES_ORBIT)
TWOLAYER_EXTERN_VERIFICATION_INSTANCES(TWOLAYER_INSTANCES_ORBIT)

}  // namespace twolayer
