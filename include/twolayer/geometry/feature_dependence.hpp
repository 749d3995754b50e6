// Where K̂ is singular (docs/mathematics.md §3.3). K̂_jk = k(<u_j, u_k>) is 2π times the Gram
// matrix of the features f_j(x) = relu(<u_j, x>) in L²(N(0, I_d)), so K̂ is singular exactly
// when the features are linearly dependent. Writing relu(t) = |t|/2 + t/2 (even and odd
// parts), Σ c_j f_j = 0 splits into
//   Σ_{u_j on the line ℓ} c_j = 0 for every line ℓ   (the kinks of |<v, x>| lie on distinct
//                                                      hyperplanes v^⊥ for distinct lines), and
//   Σ_j c_j u_j = 0                                   (the linear part).
// Hence K̂ is singular exactly when two directions coincide (c = e_j − e_k), or when the
// directions are pairwise distinct and the lines that carry antipodal pairs u_j = −u_k are
// linearly dependent (c = Σ_ℓ a_ℓ (e_j − e_k) over the pairs with Σ_ℓ a_ℓ v_ℓ = 0). Distinct
// directions are not enough: the regular hexagon (three antipodal pairs in a plane) has a
// singular K̂, in R² and in any R^d.
//
// Numerically every one of these conditions is a squared distance: a pair at angle θ from
// coinciding (or from antipodal) has 1 − |ρ| ≈ θ²/2, lines moved by ε have Gram eigenvalues of
// order ε², and λ_min(K̂) is of the same order. One tolerance on these squared quantities
// names the structure that makes K̂ (nearly) singular.
//
// Literature (docs/mathematics.md §8): Cho and Saul 2009 (K̂ as a Gram matrix of relu features).
#pragma once

#include "twolayer/geometry/orbit.hpp"
#include "twolayer/numeric/matrix.hpp"

#include <string>
#include <utility>
#include <vector>

namespace twolayer {

enum class feature_dependence_kind {
  independent,                // K̂ ≻ 0
  coincident_directions,      // u_j = u_k for some j ≠ k
  dependent_antipodal_lines,  // distinct directions; the lines of the antipodal pairs are dependent
};

inline const char* to_string(feature_dependence_kind kind)
{
  switch (kind) {
  case feature_dependence_kind::independent: return "independent";
  case feature_dependence_kind::coincident_directions: return "coincident directions";
  case feature_dependence_kind::dependent_antipodal_lines: return "linearly dependent lines of antipodal pairs";
  }
  return "unknown";
}

/// The structure behind a (near-)singular K̂, with the pairs it involves (0-based).
struct feature_dependence {
  feature_dependence_kind kind = feature_dependence_kind::independent;
  std::vector<std::pair<int, int>> coincident;  // j < k with 1 − <u_j, u_k> ≤ tolerance
  std::vector<std::pair<int, int>> antipodal;   // j < k with 1 + <u_j, u_k> ≤ tolerance
  int line_rank = 0;                            // rank of the antipodal pairs' lines

  /// A sentence for a report or a refusal (for a point K̂'s solve refused).
  std::string describe() const
  {
    // appended piece by piece: GCC 12 warns falsely on an inlined "literal" + std::string
    // (docs/numerics.md §9)
    if (kind == feature_dependence_kind::independent)
      return "K-hat numerically singular, but no coincident directions or dependent antipodal lines within the "
             "tolerance";
    std::string text = "K-hat singular: ";
    text += to_string(kind);
    if (kind == feature_dependence_kind::coincident_directions) {
      text += " (u";
      text += std::to_string(coincident.front().first + 1);
      text += " = u";
      text += std::to_string(coincident.front().second + 1);
      text += ")";
    } else if (kind == feature_dependence_kind::dependent_antipodal_lines) {
      text += " (";
      text += std::to_string(antipodal.size());
      text += " antipodal pairs on lines spanning ";
      text += std::to_string(line_rank);
      text += " dimensions)";
    }
    return text;
  }
};

/// Classifies the unit columns of U (docs/mathematics.md §3.3): coincident when 1 − ρ ≤
/// `tolerance`, antipodal when 1 + ρ ≤ `tolerance`, and the antipodal pairs' lines dependent
/// when their Gram matrix has an eigenvalue at most `tolerance` times its largest
/// (geometry/orbit.hpp). `tolerance` bounds squared distances (see above).
template <class Real>
feature_dependence relu_feature_dependence(const matrix<Real>& U, const Real& tolerance)
{
  feature_dependence result;
  const int M = static_cast<int>(U.cols());
  for (int j = 0; j < M; ++j)
    for (int k = j + 1; k < M; ++k) {
      const Real rho = U.col(j).dot(U.col(k));
      if (1 - rho <= tolerance)
        result.coincident.emplace_back(j, k);
      else if (1 + rho <= tolerance)
        result.antipodal.emplace_back(j, k);
    }
  if (!result.coincident.empty()) {
    result.kind = feature_dependence_kind::coincident_directions;
    return result;
  }
  matrix<Real> lines(U.rows(), static_cast<Eigen::Index>(result.antipodal.size()));
  for (std::size_t i = 0; i < result.antipodal.size(); ++i)
    lines.col(static_cast<Eigen::Index>(i)) = U.col(result.antipodal[i].first);
  result.line_rank = span_dimension(lines, tolerance);
  if (result.line_rank < static_cast<int>(result.antipodal.size()))
    result.kind = feature_dependence_kind::dependent_antipodal_lines;
  return result;
}

}  // namespace twolayer
