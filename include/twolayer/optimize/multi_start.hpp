// Multi-start search for the maxima of a problem on (S^{d−1})^M (manifold/problem.hpp; for
// the conjecture, Φ: docs/mathematics.md §5): L-BFGS restarts from independent uniform
// random points, each seeded from (seed, M, d, restart index)
// alone — so any prefix of a run, and a run resumed from its results, reproduces the same
// restarts — and a catalogue of the distinct local optima found, with basin counts and the
// Good–Turing estimate of the probability that a new restart lands in an unseen basin
// (basins seen exactly once / restarts) and the upper confidence bounds on the mass of a basin
// no restart reached (numeric/unseen_mass.hpp). Restarts that stall, run into coincident
// directions or diverge are counted in their own classes, never dropped. Restarts run in
// parallel and join the catalogue in index order, so the catalogue does not depend on the
// thread count.
//
// Literature (docs/mathematics.md §8): Good 1953 (the Good–Turing estimate of an unseen basin).
#pragma once

#include "twolayer/geometry/invariants.hpp"
#include "twolayer/manifold/problem.hpp"
#include "twolayer/manifold/sphere_product.hpp"
#include "twolayer/numeric/hash.hpp"
#include "twolayer/numeric/parallel.hpp"
#include "twolayer/numeric/unseen_mass.hpp"
#include "twolayer/optimize/lbfgs.hpp"

#include <map>

namespace twolayer {

/// The seed of one restart, from (seed, M, d, index) only.
inline std::uint64_t restart_seed(std::uint64_t seed, int M, int d, std::uint64_t index)
{
  std::uint64_t h = mix64(seed);
  for (std::uint64_t part : {std::uint64_t(M), std::uint64_t(d), index})
    h = mix64(h ^ part);
  return h;
}

struct basin {
  matrix<double> representative;  // the first optimum found in this basin
  double value = 0;  // the problem's value at the representative
  configuration_invariants<double> invariants;
  long count = 0;
  std::uint64_t first_restart = 0;
};

struct search_catalogue {
  std::vector<basin> basins;  // in order of discovery
  long restarts = 0;
  std::map<search_status, long> outcomes;

  /// Basins seen exactly once.
  long singletons() const
  {
    long n = 0;
    for (const auto& b : basins)
      n += b.count == 1;
    return n;
  }
  /// Good–Turing estimate of the probability that one more restart finds a new basin.
  double unseen_estimate() const
  {
    return restarts == 0 ? 1.0 : static_cast<double>(singletons()) / static_cast<double>(restarts);
  }
  /// At `confidence`, a basin of mass ≥ this is missed by all the restarts with probability
  /// ≤ 1 − confidence (numeric/unseen_mass.hpp; every restart counts, whatever it ended in).
  double unseen_bound(double confidence = coverage_confidence) const { return unseen_mass_bound(restarts, confidence); }
  /// With probability ≥ confidence every basin of mass ≥ this was reached.
  double unseen_bound_all(double confidence = coverage_confidence) const
  {
    return unseen_mass_bound_all(restarts, confidence);
  }
  /// The basin with the largest value (ties: the first found).
  const basin* best() const
  {
    const basin* top = nullptr;
    for (const auto& b : basins)
      if (!top || b.value > top->value)
        top = &b;
    return top;
  }
};

struct multi_start_options {
  std::uint64_t seed = 1;
  lbfgs_options<double> search;
  double value_tolerance = 1e-9;      // two optima with values this close …
  double invariant_tolerance = 1e-5;  // … and inner products this close are one basin
};

/// What one restart ended with: enough to rebuild the catalogue without rerunning it
/// (a resumed search reads these back from its results file).
struct restart_outcome {
  std::uint64_t index = 0;
  search_status status = search_status::stalled;
  double value = 0;
  matrix<double> U;  // where the restart ended
};

/// Restart `index`: L-BFGS on `problem` from its own random point.
template <class Problem>
  requires riemannian_problem<Problem, double>
restart_outcome run_restart(const Problem& problem, int M, int d, std::uint64_t index,
                            const multi_start_options& options)
{
  const auto run = maximise(problem, sphere_product::random_point(M, d, restart_seed(options.seed, M, d, index)),
                            options.search);
  return {index, run.status, run.value, run.U};
}

/// Restarts [first, first + count) on `threads` threads; the outcomes come back in index
/// order, identical whatever the thread count.
template <class Problem>
std::vector<restart_outcome> run_restart_batch(const Problem& problem, int M, int d, std::uint64_t first,
                                               std::uint64_t count, const multi_start_options& options,
                                               unsigned threads = 1)
{
  std::vector<restart_outcome> outcomes(static_cast<std::size_t>(count));
  for_each_task(outcomes.size(), threads,
                [&](std::size_t i) { outcomes[i] = run_restart(problem, M, d, first + i, options); });
  return outcomes;
}

/// Adds one outcome to the catalogue: counted by status; a converged optimum joins the
/// first basin with the same value and invariants, or opens a new one.
inline void add_outcome(search_catalogue& catalogue, const restart_outcome& outcome,
                        const multi_start_options& options)
{
  ++catalogue.restarts;
  ++catalogue.outcomes[outcome.status];
  if (outcome.status != search_status::converged)
    return;
  const auto invariants = invariants_of(outcome.U, options.invariant_tolerance);
  for (auto& b : catalogue.basins)
    if (std::abs(b.value - outcome.value) <= options.value_tolerance &&
        same_invariants(b.invariants, invariants, options.invariant_tolerance)) {
      ++b.count;
      return;
    }
  catalogue.basins.push_back({outcome.U, outcome.value, invariants, 1, outcome.index});
}

/// Runs restarts [first, first + count) and adds their outcomes to the catalogue, in index order.
template <class Problem>
void run_restarts(const Problem& problem, int M, int d, std::uint64_t first, std::uint64_t count,
                  const multi_start_options& options, search_catalogue& catalogue, unsigned threads = 1)
{
  for (const auto& outcome : run_restart_batch(problem, M, d, first, count, options, threads))
    add_outcome(catalogue, outcome, options);
}

}  // namespace twolayer
