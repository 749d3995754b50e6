// The evidence of one multi-start search (docs/mathematics.md §5): the basins the double search found
// (optimize/multi_start.hpp), polished in the working precision and classified
// (check/polished_optimum.hpp), deduplicated after the polish, and counted by kind.
//
// - Polish first, then classify, then deduplicate. The search groups its end points by
//   value and sorted inner products in double, which can split one optimum into several
//   basins (points 10⁻⁶ apart whose sorted inner products differ by more than 10⁻⁵) or keep
//   an unconverged point as its own basin. After the polish two classified points are one
//   optimum when their values agree to the digits known of both and their Gram matrices
//   agree up to a permutation of the neurons (geometry/gram_matching.hpp, an exact matching)
//   within 10^(3 − ⌊k/2⌋), k = the smaller of their digits known: the value error of a
//   Newton iterate is ‖g‖²/margin and its position error ‖g‖/margin, so a point known to k
//   digits is placed to about k/2 digits (and the smallest margin in the grid, near 10⁻⁶,
//   costs 3 more). Their restart counts are added.
// - Kinds, counted apart: strict local maxima; degenerate points consistent with a maximum
//   (Φ falls along every extra zero mode, as at the antipodal pair); other degenerate points;
//   saddles; local minima; points not classified because their polish stalled (with where
//   it stalled); basins not polished (beyond the polish cap).
// - Coverage (singletons, the Good–Turing estimate of an unseen basin) is computed over the
//   maxima only, strict or degenerate-consistent: singletons / restarts that ended in one.
//   The restarts that ended elsewhere (an unclassified point, a saddle, a search stalled at
//   its iteration cap) are counted and stated, not mixed in.
// - Completeness: the upper confidence bounds on the mass of a point no restart reached
//   (numeric/unseen_mass.hpp) count every restart as one trial. A point's mass is the chance
//   that a restart ends there and is recognised (polished and classified); a point reached
//   only by restarts that stalled, or ended at a point not classified or not polished, is
//   unseen, and the restarts that ended so are stated (restarts_unrecognised).
//
// Literature (docs/mathematics.md §8): Good 1953 (coverage over the maxima).
#pragma once

#include "twolayer/numeric/instances.hpp"

#include "twolayer/check/polished_optimum.hpp"
#include "twolayer/geometry/gram_matching.hpp"
#include "twolayer/optimize/multi_start.hpp"

#include <algorithm>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace twolayer {

enum class critical_kind {
  strict_local_max,  // zero modes = orbit, every other eigenvalue negative
  degenerate_max,    // extra zero modes, Φ falls along each at higher order
  degenerate,        // extra zero modes where Φ rises or is flat
  saddle,
  local_min,
  not_classified,  // the polish stalled before the test could be trusted
  not_polished     // beyond the polish cap
};

inline const char* to_string(critical_kind kind)
{
  switch (kind) {
  case critical_kind::strict_local_max: return "strict local maximum";
  case critical_kind::degenerate_max: return "degenerate, consistent with a maximum";
  case critical_kind::degenerate: return "degenerate, not a maximum";
  case critical_kind::saddle: return "saddle";
  case critical_kind::local_min: return "local minimum";
  case critical_kind::not_classified: return "not classified";
  case critical_kind::not_polished: return "not polished";
  }
  return "";
}

template <class Real>
critical_kind kind_of(const polished_optimum<Real>& p)
{
  if (!p.classified)
    return critical_kind::not_classified;
  switch (p.second_order.verdict) {
  case critical_point_type::strict_local_max: return critical_kind::strict_local_max;
  case critical_point_type::saddle: return critical_kind::saddle;
  case critical_point_type::strict_local_min: return critical_kind::local_min;
  case critical_point_type::not_classified: return critical_kind::not_classified;
  case critical_point_type::degenerate: break;
  }
  // Consistent with a maximum only if no curvature is positive (`degenerate` also covers extra
  // zero modes beside positive eigenvalues, along which Φ rises) and Φ falls along every
  // extra zero mode at higher order.
  bool falls = !p.second_order.probes.empty() && p.second_order.positive == 0;
  for (const auto& probe : p.second_order.probes)
    falls = falls && probe.behaviour == "falls";
  return falls ? critical_kind::degenerate_max : critical_kind::degenerate;
}

template <class Real>
struct catalogued_point {
  std::vector<std::size_t> basins;  // indices into the search's basins; the first is polished
  long count = 0;                   // restarts that ended in any of them
  long supplementary = 0;           // supplementary starts that did (optimize/multi_start.hpp)
  std::uint64_t first_restart = 0;  // when count is 0: the first supplementary start's index
  double search_phi = 0;  // Φ of the first basin's double representative
  std::optional<polished_optimum<Real>> polished;
  critical_kind kind = critical_kind::not_polished;

  bool is_maximum() const
  {
    return kind == critical_kind::strict_local_max || kind == critical_kind::degenerate_max;
  }
};

template <class Real>
struct optimum_catalogue {
  std::vector<catalogued_point<Real>> points;  // polished value (else the double one), largest first
  long restarts = 0;
  std::size_t search_basins = 0;        // basins the restarts reached
  std::size_t supplementary_basins = 0;  // basins only supplementary starts reached

  int count(critical_kind kind) const
  {
    return static_cast<int>(std::count_if(points.begin(), points.end(), [&](const auto& p) { return p.kind == kind; }));
  }
  long restarts_in(critical_kind kind) const
  {
    long n = 0;
    for (const auto& p : points)
      n += p.kind == kind ? p.count : 0;
    return n;
  }
  int maxima() const { return count(critical_kind::strict_local_max) + count(critical_kind::degenerate_max); }
  /// Maxima that only supplementary starts reached (no restart count).
  int maxima_supplementary_only() const
  {
    return static_cast<int>(
        std::count_if(points.begin(), points.end(), [](const auto& p) { return p.is_maximum() && p.count == 0; }));
  }
  long restarts_in_maxima() const
  {
    return restarts_in(critical_kind::strict_local_max) + restarts_in(critical_kind::degenerate_max);
  }
  /// Maxima reached by exactly one restart.
  long singletons() const
  {
    long n = 0;
    for (const auto& p : points)
      n += p.is_maximum() && p.count == 1;
    return n;
  }
  /// Good–Turing estimate, over the restarts that ended in a maximum, of the chance that one
  /// more such restart finds a maximum not seen yet; 1 when none did.
  double unseen_estimate() const
  {
    const long n = restarts_in_maxima();
    return n == 0 ? 1.0 : static_cast<double>(singletons()) / static_cast<double>(n);
  }
  /// At 95 %, a point of mass ≥ this (over all restarts) is missed with probability ≤ 5 %.
  double unseen_bound(double confidence = coverage_confidence) const { return unseen_mass_bound(restarts, confidence); }
  /// At 95 %, every point of mass ≥ this was reached.
  double unseen_bound_all(double confidence = coverage_confidence) const
  {
    return unseen_mass_bound_all(restarts, confidence);
  }
  /// Restarts that did not end at a classified point: stalled, degenerate or diverged
  /// searches, and end points not classified or not polished.
  long restarts_unrecognised() const
  {
    long recognised = 0;
    for (const auto& p : points)
      recognised += p.kind == critical_kind::not_classified || p.kind == critical_kind::not_polished ? 0 : p.count;
    return restarts - recognised;
  }
  /// The classified point with the largest polished Φ, whatever its kind.
  const catalogued_point<Real>* best() const
  {
    for (const auto& p : points)
      if (p.polished && p.polished->classified)
        return &p;
    return nullptr;
  }
  /// The maximum with the largest Φ.
  const catalogued_point<Real>* best_maximum() const
  {
    for (const auto& p : points)
      if (p.is_maximum())
        return &p;
    return nullptr;
  }
};

/// The Gram-matrix tolerance for two points known to k digits (see the header).
template <class Real>
Real gram_tolerance_for_digits(int digits_known)
{
  using std::pow;
  return pow(Real(10), 3 - digits_known / 2);
}

/// Whether two classified points are one optimum modulo O(d) and permutations.
template <class Real>
bool same_optimum(const polished_optimum<Real>& a, const polished_optimum<Real>& b)
{
  using std::abs;
  using std::pow;
  const int k = std::min(a.digits_known, b.digits_known);
  const Real value_tolerance = 10 * pow(Real(10), -k) * (abs(a.polish.value) + abs(b.polish.value));
  if (abs(Real(a.polish.value - b.polish.value)) > value_tolerance)
    return false;
  return same_configuration<Real>(a.polish.U, b.polish.U, gram_tolerance_for_digits<Real>(k));
}

/// Polishes the `polish_max` basins of largest Φ that restarts reached, and as many again of
/// those only supplementary starts reached (so that these never take a restart basin's place),
/// in the working precision Real; classifies them, merges the ones that are one optimum, and
/// counts. `progress` hears one line per polished basin.
template <class Real>
optimum_catalogue<Real> catalogue_optima(const search_catalogue& search, int polish_max,
                                         const std::function<void(const std::string&)>& progress = {})
{
  optimum_catalogue<Real> result;
  result.restarts = search.restarts;
  for (const auto& b : search.basins)
    ++(b.count > 0 ? result.search_basins : result.supplementary_basins);
  int polished_restart_basins = 0, polished_supplementary_basins = 0;
  std::vector<std::size_t> order(search.basins.size());
  for (std::size_t i = 0; i < order.size(); ++i)
    order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return search.basins[a].value > search.basins[b].value; });
  for (std::size_t rank = 0; rank < order.size(); ++rank) {
    const basin& b = search.basins[order[rank]];
    catalogued_point<Real> point;
    point.basins = {order[rank]};
    point.count = b.count;
    point.supplementary = b.supplementary;
    point.first_restart = b.first_restart;
    point.search_phi = b.value;
    int& polished = b.count > 0 ? polished_restart_basins : polished_supplementary_basins;
    if (polished >= polish_max) {
      result.points.push_back(std::move(point));
      continue;
    }
    ++polished;
    point.polished = polish_and_classify<Real>(b.representative);
    point.kind = kind_of(*point.polished);
    if (progress)
      progress("basin " + std::to_string(rank + 1) + "/" + std::to_string(order.size()) + " polished (" +
               point.polished->convergence + "): " + to_string(point.kind));
    bool merged = false;
    if (point.polished->classified)
      for (auto& seen : result.points)
        if (seen.polished && seen.polished->classified && same_optimum(*seen.polished, *point.polished)) {
          seen.basins.push_back(order[rank]);
          // the first restart that reached it; while only supplementary starts have, the first
          // of those
          if (point.count > 0 || seen.count == 0)
            seen.first_restart = seen.count == 0 && point.count > 0 ? point.first_restart
                                                                    : std::min(seen.first_restart, point.first_restart);
          seen.count += point.count;
          seen.supplementary += point.supplementary;
          merged = true;
          break;
        }
    if (!merged)
      result.points.push_back(std::move(point));
  }
  auto value = [](const catalogued_point<Real>& p) {
    return p.polished && p.polished->classified ? p.polished->polish.value : Real(p.search_phi);
  };
  std::stable_sort(result.points.begin(), result.points.end(),
                   [&](const auto& a, const auto& b) { return value(a) > value(b); });
  return result;
}

// Compiled instances (numeric/instances.hpp).
#define TWOLAYER_INSTANCES_OPTIMUM_CATALOGUE(EXTERN, Real)                                               \
  EXTERN template critical_kind kind_of(const polished_optimum<Real>&);                                 \
  EXTERN template bool same_optimum(const polished_optimum<Real>&, const polished_optimum<Real>&);      \
  EXTERN template optimum_catalogue<Real> catalogue_optima<Real>(const search_catalogue&, int,          \
                                                                 const std::function<void(const std::string&)>&);
// The multi-start search on Φ (optimize/multi_start.hpp knows no objective; they meet here).
#define TWOLAYER_INSTANCES_PHI_SEARCH(EXTERN, Real)                                                           \
  EXTERN template lbfgs_result<Real> maximise(const reduced_objective_problem<Real>&, const matrix<Real>&,  \
                                             const lbfgs_options<Real>&);                                   \
  EXTERN template restart_outcome run_restart(const reduced_objective_problem<Real>&, int, int, std::uint64_t, \
                                              const multi_start_options&);                                  \
  EXTERN template std::vector<restart_outcome> run_restart_batch(const reduced_objective_problem<Real>&, int, int, \
                                                                 std::uint64_t, std::uint64_t,              \
                                                                 const multi_start_options&, unsigned);     \
  EXTERN template void run_restarts(const reduced_objective_problem<Real>&, int, int, std::uint64_t, std::uint64_t, \
                                    const multi_start_options&, search_catalogue&, unsigned);                 \
  EXTERN template void run_planted_starts(const reduced_objective_problem<Real>&, int, int, std::uint64_t,      \
                                          const multi_start_options&, search_catalogue&, unsigned);
TWOLAYER_EXTERN_VERIFICATION_INSTANCES(TWOLAYER_INSTANCES_OPTIMUM_CATALOGUE)
TWOLAYER_EXTERN_SEARCH_INSTANCES(TWOLAYER_INSTANCES_PHI_SEARCH)

}  // namespace twolayer
