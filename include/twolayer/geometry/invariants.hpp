// Invariants of a configuration U ∈ (S^{d−1})^M modulo O(d) and permutations (docs/mathematics.md
// §3, §5): Φ depends on U only through its Gram matrix, so two optima are told apart by
// their sorted pairwise inner products, span dimension, and coincident or antipodal pairs.
// Equal invariants are necessary for equivalence, not sufficient in general; the search
// report uses them, with a stated tolerance, to deduplicate optima.
#pragma once

#include "twolayer/numeric/instances.hpp"

#include "twolayer/geometry/orbit.hpp"

#include <algorithm>
#include <vector>

namespace twolayer {

template <class Real>
struct configuration_invariants {
  std::vector<Real> inner_products;  // <u_j, u_k>, j < k, ascending
  int span = 0;
  int coincident_pairs = 0;  // <u_j, u_k> > 1 − tolerance
  int antipodal_pairs = 0;   // <u_j, u_k> < −1 + tolerance
  bool simplex_etf = false;  // all inner products −1/(M−1) within tolerance (M ≥ 2)
};

/// `tolerance` decides coincident, antipodal and ETF inner products; `span_tolerance` the
/// rank of the Gram matrix (geometry/orbit.hpp), by default the same.
template <class Real>
configuration_invariants<Real> invariants_of(const matrix<Real>& U, const Real& tolerance,
                                             const Real* span_tolerance = nullptr)
{
  using std::abs;
  configuration_invariants<Real> result;
  const auto M = U.cols();
  const matrix<Real> gram = U.transpose() * U;
  for (Eigen::Index j = 0; j < M; ++j)
    for (Eigen::Index k = j + 1; k < M; ++k)
      result.inner_products.push_back(gram(j, k));
  std::sort(result.inner_products.begin(), result.inner_products.end());
  result.span = span_dimension(U, span_tolerance ? *span_tolerance : tolerance);
  result.simplex_etf = M >= 2;
  const Real etf_inner = M >= 2 ? Real(Real(-1) / Real(M - 1)) : Real(0);
  for (const Real& rho : result.inner_products) {
    if (rho > 1 - tolerance)
      ++result.coincident_pairs;
    if (rho < -1 + tolerance)
      ++result.antipodal_pairs;
    if (abs(Real(rho - etf_inner)) > tolerance)
      result.simplex_etf = false;
  }
  return result;
}

/// m when the distinct directions of U (coincident ones, <u_j, u_k> > 1 − tolerance, merged)
/// form a simplex ETF of m ≥ 2 vectors within the tolerance — a simplex ETF possibly of
/// fewer vectors than U has; 0 otherwise.
template <class Real>
int simplex_etf_size(const matrix<Real>& U, const Real& tolerance)
{
  using std::abs;
  std::vector<Eigen::Index> distinct;
  for (Eigen::Index j = 0; j < U.cols(); ++j) {
    bool repeated = false;
    for (Eigen::Index k : distinct)
      repeated = repeated || U.col(j).dot(U.col(k)) > 1 - tolerance;
    if (!repeated)
      distinct.push_back(j);
  }
  const auto m = static_cast<int>(distinct.size());
  if (m < 2)
    return 0;
  const Real etf_inner = Real(-1) / Real(m - 1);
  for (std::size_t a = 0; a < distinct.size(); ++a)
    for (std::size_t b = a + 1; b < distinct.size(); ++b)
      if (abs(Real(U.col(distinct[a]).dot(U.col(distinct[b])) - etf_inner)) > tolerance)
        return 0;
  return m;
}

/// Whether two invariant sets agree within the tolerance.
template <class Real>
bool same_invariants(const configuration_invariants<Real>& a, const configuration_invariants<Real>& b,
                     const Real& tolerance)
{
  using std::abs;
  if (a.inner_products.size() != b.inner_products.size() || a.span != b.span ||
      a.coincident_pairs != b.coincident_pairs || a.antipodal_pairs != b.antipodal_pairs)
    return false;
  for (std::size_t i = 0; i < a.inner_products.size(); ++i)
    if (abs(Real(a.inner_products[i] - b.inner_products[i])) > tolerance)
      return false;
  return true;
}

// Compiled instances (numeric/instances.hpp).
#define TWOLAYER_INSTANCES_INVARIANTS(EXTERN, Real)                                                               \
  EXTERN template configuration_invariants<Real> invariants_of(const matrix<Real>&, const Real&, const Real*);  \
  EXTERN template int simplex_etf_size(const matrix<Real>&, const Real&);                                       \
  EXTERN template bool same_invariants(const configuration_invariants<Real>&, const configuration_invariants<Real>&, \
                                       const Real&);
TWOLAYER_EXTERN_SEARCH_INSTANCES(TWOLAYER_INSTANCES_INVARIANTS)
TWOLAYER_EXTERN_VERIFICATION_INSTANCES(TWOLAYER_INSTANCES_INVARIANTS)

}  // namespace twolayer
