// Equality of two configurations modulo O(d) and permutations (docs/mathematics.md §3, §5): U and V in
// (S^{d−1})^M are one configuration up to a rotation and a relabelling of the neurons exactly
// when their Gram matrices agree up to a simultaneous permutation of rows and columns,
//   ∃ π ∈ S_M:  (UᵀU)_{jk} = (VᵀV)_{π(j)π(k)}  for all j, k
// (two point sets with the same Gram matrix differ by an orthogonal map). Sorted inner
// products are only a necessary condition: two different configurations can share them.
//
// The matching is exact: a depth-first search over assignments j ↦ π(j), each checked against
// every earlier assignment, with the sorted rows as a necessary condition that prunes the
// candidates. Entries are compared with an absolute tolerance, which the caller ties to the
// digits known of both points. Cost: M! in the worst case, a few M² in the cases the reports
// meet (M ≤ 11: the rows' sorted entries tell most neurons apart, and a symmetric
// configuration matches on its first branch).
#pragma once

#include "twolayer/numeric/instances.hpp"

#include "twolayer/numeric/matrix.hpp"

#include <algorithm>
#include <optional>
#include <vector>

namespace twolayer {

/// A permutation π with |A(j,k) − B(π(j),π(k))| ≤ tolerance for all j, k, if there is one.
template <class Real>
std::optional<std::vector<Eigen::Index>> gram_permutation(const matrix<Real>& A, const matrix<Real>& B,
                                                          const Real& tolerance)
{
  using std::abs;
  const Eigen::Index M = A.rows();
  if (A.cols() != M || B.rows() != M || B.cols() != M)
    return std::nullopt;
  auto sorted_row = [](const matrix<Real>& G, Eigen::Index j) {
    std::vector<Real> row;
    row.reserve(static_cast<std::size_t>(G.cols()));
    for (Eigen::Index k = 0; k < G.cols(); ++k)
      row.push_back(G(j, k));
    std::sort(row.begin(), row.end());
    return row;
  };
  std::vector<std::vector<Real>> rows_a, rows_b;
  for (Eigen::Index j = 0; j < M; ++j) {
    rows_a.push_back(sorted_row(A, j));
    rows_b.push_back(sorted_row(B, j));
  }
  // candidates[j]: the neurons of B whose sorted row matches neuron j's of A
  std::vector<std::vector<Eigen::Index>> candidates(static_cast<std::size_t>(M));
  for (Eigen::Index j = 0; j < M; ++j)
    for (Eigen::Index k = 0; k < M; ++k) {
      bool same = true;
      for (std::size_t i = 0; same && i < rows_a[j].size(); ++i)
        same = abs(Real(rows_a[j][i] - rows_b[k][i])) <= tolerance;
      if (same)
        candidates[static_cast<std::size_t>(j)].push_back(k);
    }
  std::vector<Eigen::Index> assignment(static_cast<std::size_t>(M), -1);
  std::vector<bool> used(static_cast<std::size_t>(M), false);
  // depth-first: assign neuron j of A, consistent with neurons 0..j−1
  auto extend = [&](auto&& self, Eigen::Index j) -> bool {
    if (j == M)
      return true;
    for (Eigen::Index k : candidates[static_cast<std::size_t>(j)]) {
      if (used[static_cast<std::size_t>(k)])
        continue;
      bool consistent = abs(Real(A(j, j) - B(k, k))) <= tolerance;
      for (Eigen::Index i = 0; consistent && i < j; ++i)
        consistent = abs(Real(A(j, i) - B(k, assignment[static_cast<std::size_t>(i)]))) <= tolerance;
      if (!consistent)
        continue;
      assignment[static_cast<std::size_t>(j)] = k;
      used[static_cast<std::size_t>(k)] = true;
      if (self(self, j + 1))
        return true;
      used[static_cast<std::size_t>(k)] = false;
    }
    return false;
  };
  if (!extend(extend, 0))
    return std::nullopt;
  return assignment;
}

/// Whether U and V are one configuration modulo O(d) and permutations, Gram entries within
/// `tolerance`.
template <class Real>
bool same_configuration(const matrix<Real>& U, const matrix<Real>& V, const Real& tolerance)
{
  if (U.rows() != V.rows() || U.cols() != V.cols())
    return false;
  return gram_permutation<Real>(U.transpose() * U, V.transpose() * V, tolerance).has_value();
}

// Compiled instances (numeric/instances.hpp).
#define TWOLAYER_INSTANCES_GRAM_MATCHING(EXTERN, Real)                                                  \
  EXTERN template std::optional<std::vector<Eigen::Index>> gram_permutation(const matrix<Real>&,          \
                                                                            const matrix<Real>&, const Real&); \
  EXTERN template bool same_configuration(const matrix<Real>&, const matrix<Real>&, const Real&);
TWOLAYER_EXTERN_SEARCH_INSTANCES(TWOLAYER_INSTANCES_GRAM_MATCHING)
TWOLAYER_EXTERN_VERIFICATION_INSTANCES(TWOLAYER_INSTANCES_GRAM_MATCHING)

}  // namespace twolayer
