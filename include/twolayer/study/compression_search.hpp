// The multi-start search for the best M-node compression of a given target (docs/mathematics.md §2):
// maximise the reduced finite objective Ψ(U) = tᵀG⁻¹t over (S^{d−1})^M (the scales
// eliminated, objective/reduced_loss.hpp) by Riemannian L-BFGS in double with the analytic
// gradient, from three kinds of start, in this order:
//
//   target     the directions of the M target neurons with the largest |c_i|‖w_i‖^h
//              (exact when the target already has M neurons);
//   etf        randomly oriented simplex ETFs (M ≤ d+1): the simplified optimum (§3);
//   random     M independent uniform directions.
//
// Each start is seeded from (seed, M, d, index) only and the runs are kept in index order,
// so the result does not depend on the number of threads.
#pragma once

#include "twolayer/geometry/simplex_etf.hpp"
#include "twolayer/optimize/multi_start.hpp"
#include "twolayer/objective/reduced_loss_problem.hpp"

#include <algorithm>
#include <atomic>
#include <functional>
#include <mutex>
#include <numeric>

namespace twolayer {

struct compression_search_options {
  int M = 1;
  int random_starts = 16;
  int etf_starts = 4;  // used only when 2 <= M <= d+1
  bool target_start = true;
  std::uint64_t seed = 1;
  unsigned threads = 1;
  lbfgs_options<double> lbfgs{};
  /// Called after each finished start with (finished, total), from any thread, serialised.
  std::function<void(std::size_t, std::size_t)> progress;
};

struct compression_start {
  std::string kind;  // "target", "etf", "random"
  int index = 0;     // within its kind
  lbfgs_result<double> run;
};

/// The starting configurations, in the order the search runs them.
template <class Activation>
std::vector<std::pair<std::string, matrix<double>>>
compression_starts(const target_cross_term<double, Activation>& target, const compression_search_options& o,
                   const vector<double>& neuron_weights)
{
  const int d = static_cast<int>(target.dimension());
  const int M = o.M;
  std::vector<std::pair<std::string, matrix<double>>> starts;
  if (o.target_start && target.size() >= M) {
    std::vector<Eigen::Index> order(static_cast<std::size_t>(target.size()));
    std::iota(order.begin(), order.end(), Eigen::Index(0));
    std::stable_sort(order.begin(), order.end(), [&](Eigen::Index i, Eigen::Index k) {
      return std::abs(neuron_weights(i)) > std::abs(neuron_weights(k));
    });
    matrix<double> U(d, M);
    bool usable = true;
    for (int j = 0; j < M; ++j) {
      U.col(j) = target.direction(order[static_cast<std::size_t>(j)]);
      usable = usable && U.col(j).norm() > 0;
    }
    if (usable)
      starts.emplace_back("target", U);
  }
  if (M >= 2 && M <= d + 1)
    for (int k = 0; k < o.etf_starts; ++k)
      starts.emplace_back("etf", simplex_etf<double>(M, d, restart_seed(o.seed ^ 0x65746600ULL, M, d, k)));
  for (int k = 0; k < o.random_starts; ++k)
    starts.emplace_back("random", sphere_product::random_point(M, d, restart_seed(o.seed, M, d, k)));
  return starts;
}

/// Every start's run, in start order.
template <class Activation>
std::vector<compression_start> search_compressions(const target_cross_term<double, Activation>& target,
                                                   const Activation& sigma, const compression_search_options& o)
{
  if (o.M < 1)
    throw std::invalid_argument("twolayer: a compression needs M >= 1");
  const auto starts = compression_starts(target, o, target.neuron_weights());
  std::vector<compression_start> runs(starts.size());
  const auto problem = finite_reduced_problem(target, sigma, o.lbfgs.singular_tolerance);
  std::map<std::string, int> seen;
  for (std::size_t k = 0; k < starts.size(); ++k) {
    runs[k].kind = starts[k].first;
    runs[k].index = seen[starts[k].first]++;
  }
  std::atomic<std::size_t> finished{0};
  std::mutex report;
  for_each_task(starts.size(), o.threads, [&](std::size_t k) {
    runs[k].run = maximise(problem, starts[k].second, o.lbfgs);
    const std::size_t done = ++finished;
    if (o.progress) {
      std::lock_guard<std::mutex> lock(report);
      o.progress(done, starts.size());
    }
  });
  return runs;
}

/// The run with the largest Ψ among those that neither diverged nor met a degenerate
/// configuration (the first such in start order on ties); -1 when there is none.
inline int best_compression(const std::vector<compression_start>& runs)
{
  int best = -1;
  for (std::size_t k = 0; k < runs.size(); ++k) {
    const auto& r = runs[k].run;
    if (r.status == search_status::degenerate || r.status == search_status::diverged || !std::isfinite(r.value))
      continue;
    if (best < 0 || r.value > runs[static_cast<std::size_t>(best)].run.value)
      best = static_cast<int>(k);
  }
  return best;
}

}  // namespace twolayer
