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
// Supplementary starts (run_planted_starts) come from another distribution — a uniform point
// with one antipodal pair planted, the structure of the rare second maxima beyond the simplex
// ETF (docs/mathematics.md §5.2) — and are counted apart: their basins join the catalogue
// with a supplementary count and no restart count, so the coverage estimate and the bounds,
// which speak of the uniform start, do not see them.
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

#include <boost/random/mersenne_twister.hpp>
#include <boost/random/normal_distribution.hpp>

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
  long count = 0;                  // restarts (uniform starts) that ended here
  std::uint64_t first_restart = 0;
  long supplementary = 0;  // supplementary starts that ended here
};

struct search_catalogue {
  std::vector<basin> basins;  // in order of discovery
  long restarts = 0;
  std::map<search_status, long> outcomes;
  long supplementary_starts = 0;  // run_planted_starts; not in `restarts` nor `outcomes`

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

/// The first basin of the catalogue with the same value and invariants, or null.
inline basin* matching_basin(search_catalogue& catalogue, double value,
                             const configuration_invariants<double>& invariants, const multi_start_options& options)
{
  for (auto& b : catalogue.basins)
    if (std::abs(b.value - value) <= options.value_tolerance &&
        same_invariants(b.invariants, invariants, options.invariant_tolerance))
      return &b;
  return nullptr;
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
  if (basin* b = matching_basin(catalogue, outcome.value, invariants, options)) {
    if (b->count == 0)  // opened by a supplementary start: this is its first restart
      b->first_restart = outcome.index;
    ++b->count;
  } else
    catalogue.basins.push_back({outcome.U, outcome.value, invariants, 1, outcome.index});
}

/// A supplementary outcome: joins the first basin with the same value and invariants (its
/// supplementary count), or opens one with no restart count; only converged ones are kept.
inline void add_supplementary_outcome(search_catalogue& catalogue, const restart_outcome& outcome,
                                      const multi_start_options& options)
{
  ++catalogue.supplementary_starts;
  if (outcome.status != search_status::converged)
    return;
  const auto invariants = invariants_of(outcome.U, options.invariant_tolerance);
  if (basin* b = matching_basin(catalogue, outcome.value, invariants, options))
    ++b->supplementary;
  else
    catalogue.basins.push_back({outcome.U, outcome.value, invariants, 0, outcome.index, 1});
}

/// The planted start: M uniform directions (sphere_product::random_point), the last replaced by
/// the antipode of the first, then every direction moved by a Gaussian tangent step of standard
/// deviation `spread` per coordinate and normalised (so K̂ is not singular at the start). M ≥ 2.
inline matrix<double> planted_antipodal_point(int M, int d, std::uint64_t seed, double spread = 0.05)
{
  matrix<double> U = sphere_product::random_point(M, d, seed);
  U.col(M - 1) = -U.col(0);
  boost::random::mt19937_64 engine(mix64(seed ^ stable_hash("planted spread")));
  boost::random::normal_distribution<double> normal(0.0, spread);
  matrix<double> Z(d, M);
  for (int j = 0; j < M; ++j)
    for (int i = 0; i < d; ++i)
      Z(i, j) = normal(engine);
  return sphere_product::retract<double>(U, sphere_product::project<double>(U, Z));
}

/// `count` supplementary starts from planted_antipodal_point, seeded from (seed, M, d, index)
/// apart from the restarts, added to the catalogue in index order (any thread count).
template <class Problem>
  requires riemannian_problem<Problem, double>
void run_planted_starts(const Problem& problem, int M, int d, std::uint64_t count, const multi_start_options& options,
                        search_catalogue& catalogue, unsigned threads = 1)
{
  if (M < 2)
    return;
  const std::uint64_t seed = mix64(options.seed ^ stable_hash("planted antipodal pair"));
  std::vector<restart_outcome> outcomes(static_cast<std::size_t>(count));
  for_each_task(outcomes.size(), threads, [&](std::size_t i) {
    const auto run = maximise(problem, planted_antipodal_point(M, d, restart_seed(seed, M, d, i)), options.search);
    outcomes[i] = {i, run.status, run.value, run.U};
  });
  for (const auto& outcome : outcomes)
    add_supplementary_outcome(catalogue, outcome, options);
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
