// One case (M, d) of the simplex-ETF conjecture (docs/mathematics.md §3, §5): the evidence a
// report states and a verdict is decided from (study/conjecture_verdict.hpp).
//
//   1. the multi-start search for the maxima of Φ in double (optimize/multi_start.hpp on
//      objective/phi_problem.hpp), run in batches so that a caller can journal each batch
//      (study/restart_log.hpp) and stop at the cap or a target (search_stop), then, if asked,
//      supplementary starts with an antipodal pair planted, counted apart;
//   2. every search basin, largest Φ first (up to a cap), polished in the working precision,
//      classified and deduplicated (check/optimum_catalogue.hpp);
//   3. at the exact simplex ETF (2 ≤ M ≤ d + 1): Φ_ETF in closed form, its Riemannian
//      gradient (zero by §3's argument; its computed norm is stated), the second-order test,
//      and the joint (b, V) Hessian of the simplified objective at the optimal scales, whose
//      zero modes must be the orbit's plus one per neuron (b_j → b_j/c, v_j → c v_j);
//   4. (the caller's choice) the search for the supremum on the boundary where two directions
//      merge, Φ_∂ (search_boundary): the conjecture is about the closure (§3.3).
// Precision: the search in double, the rest in Real (the caller's working precision).
#pragma once

#include "twolayer/numeric/instances.hpp"

#include "twolayer/check/optimum_catalogue.hpp"
#include "twolayer/check/second_order.hpp"
#include "twolayer/gaussian/sphere_moments.hpp"
#include "twolayer/geometry/simplex_etf.hpp"
#include "twolayer/numeric/constants.hpp"
#include "twolayer/numeric/hash.hpp"
#include "twolayer/objective/boundary_objective.hpp"
#include "twolayer/objective/phi_problem.hpp"
#include "twolayer/objective/simplified_hessian.hpp"
#include "twolayer/optimize/multi_start.hpp"
#include "twolayer/study/conjecture_verdict.hpp"

#include <Eigen/Eigenvalues>

#include <algorithm>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>

namespace twolayer {

struct conjecture_search_options {
  long restarts = 10000;                     // the cap
  std::optional<double> until_unseen_bound;  // stop once the 95 % bound on an unseen basin's mass is below this
  std::optional<double> until_coverage;      // stop once the Good–Turing unseen-basin estimate is below this
  long planted_starts = 0;                   // supplementary starts with one antipodal pair planted
  long batch = 500;                          // restarts per batch (the unit of journaling)
  unsigned threads = 1;                      // results do not depend on it
  multi_start_options search;                // seed, L-BFGS settings, basin tolerances
};

/// What ended a search. Every stop is a function of the restart count and the catalogue, never
/// of the clock, so a search stops at the same restart whatever the thread count.
enum class search_stop {
  restart_cap,         // the cap on restarts
  unseen_bound_target, // the 95 % bound on an unseen basin's mass fell below its target
  coverage_target      // the Good–Turing estimate fell below its target
};

inline const char* to_string(search_stop stop)
{
  switch (stop) {
  case search_stop::restart_cap: return "restart cap";
  case search_stop::unseen_bound_target: return "unseen-mass bound target";
  case search_stop::coverage_target: return "coverage target";
  }
  return "";
}

/// Whether a search with this catalogue is done, and why (nothing while it must go on).
inline std::optional<search_stop> search_done(const conjecture_search_options& o, const search_catalogue& catalogue)
{
  if (o.until_unseen_bound && catalogue.unseen_bound() < *o.until_unseen_bound)
    return search_stop::unseen_bound_target;
  if (o.until_coverage && catalogue.restarts > 0 && catalogue.unseen_estimate() < *o.until_coverage)
    return search_stop::coverage_target;
  if (catalogue.restarts >= o.restarts)
    return search_stop::restart_cap;
  return std::nullopt;
}

/// The restart count a search with these options stops at, at the latest: the cap, or the
/// fewest restarts that bring the unseen-mass bound below its target.
inline long search_end(const conjecture_search_options& o)
{
  return o.until_unseen_bound ? std::min(o.restarts, restarts_for_unseen_bound(*o.until_unseen_bound)) : o.restarts;
}

/// Extends `catalogue` (empty, or replayed from a journal) batch by batch until search_done;
/// after each batch calls on_batch(first restart, count, before, after). The last batch is cut
/// to end at the cap, or at the restart where the unseen-mass bound meets its target (the bound
/// depends on the restart count alone: restarts_for_unseen_bound).
inline search_stop extend_conjecture_search(
    int M, int d, const conjecture_search_options& o, search_catalogue& catalogue,
    const std::function<void(std::uint64_t, std::uint64_t, const search_catalogue&, const search_catalogue&)>& on_batch)
{
  const auto phi = phi_problem(o.search.search.singular_tolerance);
  const long end = search_end(o);
  if (catalogue.restarts > end)
    throw std::invalid_argument("the search already holds " + std::to_string(catalogue.restarts) +
                                " restarts, more than it would stop at (" + std::to_string(end) + ")");
  while (!search_done(o, catalogue)) {
    const long count = std::min(o.batch, end - catalogue.restarts);
    const search_catalogue before = catalogue;
    run_restarts(phi, M, d, static_cast<std::uint64_t>(catalogue.restarts), static_cast<std::uint64_t>(count),
                 o.search, catalogue, o.threads);
    if (on_batch)
      on_batch(static_cast<std::uint64_t>(before.restarts), static_cast<std::uint64_t>(count), before, catalogue);
  }
  return *search_done(o, catalogue);
}

/// Adds the supplementary starts of `o` (run_planted_starts: one antipodal pair planted, counted
/// apart from the restarts) to a finished search.
inline void add_planted_starts(int M, int d, const conjecture_search_options& o, search_catalogue& catalogue)
{
  if (o.planted_starts > 0)
    run_planted_starts(phi_problem(o.search.search.singular_tolerance), M, d,
                       static_cast<std::uint64_t>(o.planted_starts), o.search, catalogue, o.threads);
}

/// The supremum of Φ on the boundary where two directions merge (docs/mathematics.md §3.3,
/// objective/boundary_objective.hpp), found by the multi-start search in double.
struct boundary_search_result {
  double value = 0;  // the best Φ_∂ found (double: about 10 digits)
  long restarts = 0, converged = 0;
  std::size_t basins = 0;
};

/// Runs `restarts` restarts of the search on Φ_∂ for M directions (M − 1 and δ) in R^d, seeded
/// apart from the search on Φ; nothing for M < 2 (no pair to merge) or no restart.
inline std::optional<boundary_search_result> search_boundary(int M, int d, long restarts, multi_start_options options,
                                                             unsigned threads = 1)
{
  if (M < 2 || restarts <= 0)
    return std::nullopt;
  options.seed = mix64(options.seed ^ stable_hash("boundary"));
  search_catalogue catalogue;
  run_restarts(boundary_objective_problem<double>{options.search.singular_tolerance}, M, d, 0,
               static_cast<std::uint64_t>(restarts), options, catalogue, threads);
  const basin* best = catalogue.best();
  if (!best)
    return std::nullopt;
  return boundary_search_result{best->value, catalogue.restarts, catalogue.outcomes[search_status::converged],
                                catalogue.basins.size()};
}

template <class Real>
struct conjecture_case {
  int M = 0, d = 0;
  search_catalogue catalogue;
  optimum_catalogue<Real> optima;  // polished, classified, deduplicated
  // at the exact simplex ETF (2 ≤ M ≤ d + 1)
  std::optional<Real> phi_etf;
  Real etf_gradient_norm = 0;
  std::optional<second_order_result<Real>> etf_test;
  int joint_zero_modes = 0, joint_expected = 0, joint_negative = 0;
  Real joint_threshold = 0, joint_margin = 0;
  Real relative_loss_factor = 0;  // 2π d c_d², so that the relative loss is r = 1 − factor·Φ
  std::optional<boundary_search_result> boundary;  // sup Φ_∂ found, when the caller ran search_boundary
  std::optional<search_stop> stopped_by;           // what ended the search, when the caller says

  /// The classified point of largest Φ (any kind), or null.
  const polished_optimum<Real>* best_polished() const
  {
    const auto* best = optima.best();
    return best ? &*best->polished : nullptr;
  }
};

/// Steps 2 and 3 on a finished search; `progress` receives one line per polished basin.
template <class Real>
conjecture_case<Real> analyse_conjecture_case(int M, int d, search_catalogue catalogue, int polish_max,
                                              const std::function<void(const std::string&)>& progress = {})
{
  conjecture_case<Real> r;
  r.M = M;
  r.d = d;
  r.catalogue = std::move(catalogue);
  r.optima = catalogue_optima<Real>(r.catalogue, polish_max, progress);

  const Real c = sphere_relu_mean<Real>(static_cast<unsigned>(d));
  r.relative_loss_factor = 2 * pi<Real>() * d * c * c;
  if (M >= 2 && M <= d + 1) {
    using std::abs;
    using std::sqrt;
    const Real epsilon = Eigen::NumTraits<Real>::epsilon();
    const Real singular_tolerance = sqrt(epsilon);
    const auto phi = phi_problem(singular_tolerance);
    const matrix<Real> U = simplex_etf<Real>(M, d);
    r.phi_etf = simplex_etf_phi<Real>(M);
    const auto value = reduced_objective(U, singular_tolerance);
    r.etf_gradient_norm = phi(U).gradient.norm();
    const Real largest =
        Eigen::SelfAdjointEigenSolver<matrix<Real>>(phi.hessian(U), Eigen::EigenvaluesOnly).eigenvalues().cwiseAbs().maxCoeff();
    r.etf_test = second_order_test(phi, U, zero_threshold_for(r.etf_gradient_norm, largest), singular_tolerance);

    // the joint (b, V) Hessian of L~ at (s*, U), α = 1: zero modes = orbit + M, others positive
    const vector<Real> scales = Real(r.relative_loss_factor) * value.scales;  // 2π d c_d² K̂⁻¹1
    const matrix<Real> joint = simplified_objective_hessian<Real>(Real(1), static_cast<unsigned>(d), scales, U);
    const vector<Real> spectrum = Eigen::SelfAdjointEigenSolver<matrix<Real>>(joint, Eigen::EigenvaluesOnly).eigenvalues();
    r.joint_threshold = zero_threshold_for(r.etf_gradient_norm, Real(spectrum.cwiseAbs().maxCoeff()));
    r.joint_expected = r.etf_test->orbit_dim + M;
    const auto joint_class =
        classify_critical_point(spectrum, r.joint_threshold, r.joint_expected, optimisation_sense::minimise);
    r.joint_zero_modes = joint_class.zero_modes;
    r.joint_negative = joint_class.negative;
    r.joint_margin = joint_class.margin;
  }
  return r;
}

/// The whole case without a journal: search from restart 0, then analyse.
template <class Real>
conjecture_case<Real> run_conjecture_case(int M, int d, const conjecture_search_options& o, int polish_max,
                                          const std::function<void(const std::string&)>& progress = {})
{
  search_catalogue catalogue;
  const search_stop stop = extend_conjecture_search(M, d, o, catalogue, {});
  add_planted_starts(M, d, o, catalogue);
  auto result = analyse_conjecture_case<Real>(M, d, std::move(catalogue), polish_max, progress);
  result.stopped_by = stop;
  return result;
}

/// The structure of a polished point in words: its span, whether its distinct directions form
/// a simplex ETF, and its coincident and antipodal pairs.
template <class Real>
std::string structure_summary(const polished_optimum<Real>& p, int M)
{
  std::string text = "span " + std::to_string(p.invariants.span);
  if (p.etf_size == M)
    text += ", simplex ETF";
  else if (p.etf_size > 0)
    text += ", simplex ETF of " + std::to_string(p.etf_size) + " distinct directions";
  if (p.invariants.coincident_pairs > 0)
    text += ", " + std::to_string(p.invariants.coincident_pairs) + " coincident pair(s)";
  if (p.invariants.antipodal_pairs > 0)
    text += ", " + std::to_string(p.invariants.antipodal_pairs) + " antipodal pair(s)";
  return text;
}

/// The evidence of a case for the verdict (study/conjecture_verdict.hpp).
template <class Real>
conjecture_evidence<Real> evidence_of(const conjecture_case<Real>& r)
{
  conjecture_evidence<Real> e;
  e.M = r.M;
  e.d = r.d;
  e.phi_etf = r.phi_etf;
  if (r.etf_test)
    e.etf_second_order = to_string(r.etf_test->verdict);
  if (const auto* best = r.best_polished()) {
    e.phi_best = best->polish.value;
    e.digits_known = best->digits_known;
    e.best_degeneracy_note = best->second_order.degeneracy_note();
    e.best_structure = structure_summary(*best, r.M);
    e.best_second_order = to_string(best->second_order.verdict);
  }
  return e;
}

// Compiled instances (numeric/instances.hpp).
#define TWOLAYER_INSTANCES_CONJECTURE_CASE(EXTERN, Real)                                                     \
  EXTERN template conjecture_case<Real> analyse_conjecture_case<Real>(                                     \
      int, int, search_catalogue, int, const std::function<void(const std::string&)>&);                    \
  EXTERN template conjecture_case<Real> run_conjecture_case<Real>(                                         \
      int, int, const conjecture_search_options&, int, const std::function<void(const std::string&)>&);   \
  EXTERN template std::string structure_summary(const polished_optimum<Real>&, int);                       \
  EXTERN template conjecture_evidence<Real> evidence_of(const conjecture_case<Real>&);
TWOLAYER_EXTERN_VERIFICATION_INSTANCES(TWOLAYER_INSTANCES_CONJECTURE_CASE)

}  // namespace twolayer
