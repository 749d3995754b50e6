// Interval linear algebra in MPFI arithmetic: the end points of an enclosure, and the solution
// of K X = B enclosed by a Cholesky factorisation carried out in intervals (docs/numerics.md,
// §4). Used by the certificates of check/.
//
// Literature (docs/mathematics.md §8): Alefeld and Mayer 1993 (interval Cholesky); Moore 1966; Rump
//   2010; Revol and Rouillier 2005 (MPFI).
#pragma once

#include "twolayer/numeric/matrix.hpp"

#include <boost/multiprecision/mpfi.hpp>

#include <type_traits>
#include <utility>

namespace twolayer {

/// The MPFR type of an MPFI interval's end points (same precision).
template <class Interval>
using interval_real = std::decay_t<decltype(boost::multiprecision::lower(std::declval<const Interval&>()))>;

template <class Interval>
interval_real<Interval> interval_lower(const Interval& x)
{
  return boost::multiprecision::lower(x);
}
template <class Interval>
interval_real<Interval> interval_upper(const Interval& x)
{
  return boost::multiprecision::upper(x);
}

/// An enclosure of ‖G − I‖_∞ for a Gram matrix G = XᵀX: the row sum of |G − I| whose upper end
/// is largest (the first such row). Its upper end below 1 proves the columns of X linearly
/// independent.
template <class Interval>
Interval identity_defect(const matrix<Interval>& G)
{
  using std::abs;
  Interval largest = 0;
  for (Eigen::Index i = 0; i < G.rows(); ++i) {
    Interval row = 0;
    for (Eigen::Index j = 0; j < G.cols(); ++j)
      row += abs(Interval(G(i, j) - (i == j ? Interval(1) : Interval(0))));
    if (interval_upper(row) > interval_upper(largest))
      largest = row;
  }
  return largest;
}

/// X enclosing K⁻¹B by a Cholesky factorisation in interval arithmetic; false when a pivot
/// is not provably positive. (Eigen's LLT compares column sums of |K| to estimate a
/// condition number, an ambiguous comparison for intervals: docs/numerics.md.)
template <class Interval>
bool interval_cholesky_solve(const matrix<Interval>& K, const matrix<Interval>& B, matrix<Interval>& X)
{
  using std::sqrt;
  const Eigen::Index n = K.rows();
  matrix<Interval> L = matrix<Interval>::Zero(n, n);
  for (Eigen::Index j = 0; j < n; ++j) {
    Interval pivot = K(j, j);
    for (Eigen::Index k = 0; k < j; ++k)
      pivot -= L(j, k) * L(j, k);
    if (!(interval_lower(pivot) > interval_real<Interval>(0)))
      return false;
    L(j, j) = sqrt(pivot);
    for (Eigen::Index i = j + 1; i < n; ++i) {
      Interval sum = K(i, j);
      for (Eigen::Index k = 0; k < j; ++k)
        sum -= L(i, k) * L(j, k);
      L(i, j) = sum / L(j, j);
    }
  }
  X = B;
  for (Eigen::Index c = 0; c < X.cols(); ++c) {
    for (Eigen::Index i = 0; i < n; ++i) {  // L z = b
      for (Eigen::Index k = 0; k < i; ++k)
        X(i, c) -= L(i, k) * X(k, c);
      X(i, c) /= L(i, i);
    }
    for (Eigen::Index i = n - 1; i >= 0; --i) {  // Lᵀ x = z
      for (Eigen::Index k = i + 1; k < n; ++k)
        X(i, c) -= L(k, i) * X(k, c);
      X(i, c) /= L(i, i);
    }
  }
  return true;
}

}  // namespace twolayer
