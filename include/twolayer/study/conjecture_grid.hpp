// What a grid of conjecture cases shows beyond any one case (docs/mathematics.md §5): how much
// each neuron beyond the simplex ETF adds to the best Φ found. For M > d + 1 no simplex ETF
// exists in R^d; the gain of the M-th neuron is Φ_best(M) − Φ_best(M − 1) at fixed d, taken
// from the polished values of two cases of the grid (both must be in it).
#pragma once

#include "twolayer/study/conjecture_case.hpp"

#include <map>
#include <optional>
#include <utility>
#include <vector>

namespace twolayer {

/// The gain of the M-th neuron in dimension d: Φ_best(M) − Φ_best(M − 1), M > d + 1.
struct neuron_gain {
  int M = 0, d = 0;
  double gain = 0;
};

struct gains_beyond_etf {
  std::vector<neuron_gain> gains;     // ordered by (d, M)
  std::optional<neuron_gain> lowest;  // the first smallest and the first largest in that order
  std::optional<neuron_gain> highest;
  std::map<int, double> mean_by_d;    // the mean gain per neuron in each dimension
};

/// The gains of every case M > d + 1 of the grid whose case M − 1 (same d) is in it too, each
/// from the best polished point of the two cases (cases without one are left out).
template <class Real>
gains_beyond_etf gains_beyond_etf_of(const std::vector<conjecture_case<Real>>& cases)
{
  std::map<std::pair<int, int>, Real> best;  // (d, M) → Φ_best
  for (const auto& c : cases)
    if (const auto* b = c.best_polished())
      best[{c.d, c.M}] = b->polish.value;
  gains_beyond_etf out;
  std::map<int, std::pair<double, int>> sums;  // per d: sum and count
  for (const auto& [dm, phi] : best) {
    const auto [d, M] = dm;
    const auto previous = best.find({d, M - 1});
    if (M <= d + 1 || previous == best.end())
      continue;
    const neuron_gain g{M, d, static_cast<double>(Real(phi - previous->second))};
    out.gains.push_back(g);
    if (!out.lowest || g.gain < out.lowest->gain)
      out.lowest = g;
    if (!out.highest || g.gain > out.highest->gain)
      out.highest = g;
    sums[d].first += g.gain;
    sums[d].second += 1;
  }
  for (const auto& [d, sum] : sums)
    out.mean_by_d[d] = sum.first / double(sum.second);
  return out;
}

}  // namespace twolayer
