// One realisation's measurements for the gap report (docs/mathematics.md §5, ReLU): how far the
// finite objective L_N of a realised target lies from the simplified objective L~.
//
//   sup_cross_dev  sup_v |(1/N) Σ a_i K(w_i, v) − α d c_d²| over unit v (check/cross_deviation.hpp;
//                  a lower estimate of the sup: it is found by maximisation);
//   bias_floor     the same with the law's own expectation in place of the empirical mean:
//                  0 for gaussian ξ (rotation invariance), enumerated exactly over the 2^d
//                  points of rademacher ξ for d small enough, not computed otherwise;
//   const_gap      E[f_N²] − α² d c_d²;
//   min_gap        min L_N − min L~, with min L~ = α² d c_d² (1 − 2π d c_d² Φ*) at the best Φ*
//                  of a multi-start search (the conjecture is not assumed), and min L_N by
//                  local optimisation of Ψ_N (objective/reduced_loss.hpp) from the simplified
//                  optimum in several orientations and from random starts (an upper estimate
//                  of the min), with the spread of the local minima found;
//   *_hat          the same with the realised α̂ = (1/N) Σ a_i ‖w_i‖ in place of α;
//   etf_distance   max_{j<k} |ρ_jk + 1/(M−1)| of the finite optimum's directions (M ≤ d+1);
//   gap_bound, gap_lower
//                  the bracket that links the measured deviations to the loss gap
//                  (docs/mathematics.md §5.1): for any scales s and directions U,
//                  L_N(s, U) − L~(s, U) = const_gap − 2 Σ_j s_j Δ(u_j), Δ(v) = t_N(v) − α d c_d²,
//                  so with D = sup_v |Δ(v)|
//                    min L_N − min L~ ≤ const_gap + 2 ‖s~*‖₁ D   (at the simplified optimum),
//                    min L_N − min L~ ≥ const_gap − 2 ‖s_N‖₁ D   (at the finite optimum),
//                  with s~* = 2π α d c_d² K̂⁻¹ 1 and s_N = G⁻¹ t_N the two optima's scales; D is
//                  the measured sup_cross_dev (a lower estimate of the sup, so the bracket is
//                  an estimate too, and the tests check that the measured min_gap lies in it).
//
// A target with a mean (target_law::mean_ratio R > 0, docs/mathematics.md §2.1 and §5.1): the
// simplified objective is that of the Gaussian mean-field target, whatever the law of ξ (for
// other laws the difference is part of the measured gap): the reference cross term is
// T(<v, μ̂>) instead of α d c_d² (gaussian/mean_shifted_relu.hpp, in double: 13 digits of T(1)),
// E[F²] replaces α² d c_d², and min L~ = E[F²] − Ψ* with Ψ* the best value of a multi-start
// search of Ψ(U) = tᵀG⁻¹t, t_j = T(<u_j, μ̂>). The starts for min L_N turn the simplified optimum
// by random rotations that fix μ̂ (the smaller symmetry). The *_hat columns, which swap α for α̂,
// have no counterpart and are not computed; bias_floor is 0 for gaussian ξ and enumerated over
// the 2^d sign vectors for rademacher ξ as without a mean.
//
// Everything runs in double (the sums are of N² terms of one sign, so their relative
// rounding error stays near N·ε at worst; tests/ compare with 50-digit values). Seeds derive
// from (base seed, law, d, N, replicate) and (seed, M, d) alone, so a sub-grid reproduces
// the rows of the full grid exactly.
#pragma once

#include "twolayer/check/cross_deviation.hpp"
#include "twolayer/gaussian/mean_shifted_relu.hpp"
#include "twolayer/gaussian/scaling_factor.hpp"
#include "twolayer/geometry/orbit.hpp"
#include "twolayer/geometry/simplex_etf.hpp"
#include "twolayer/gaussian/sphere_moments.hpp"
#include "twolayer/model/target_law.hpp"
#include "twolayer/numeric/scalar.hpp"
#include "twolayer/objective/mean_shifted_cross_term.hpp"
#include "twolayer/objective/phi_problem.hpp"
#include "twolayer/objective/reduced_objective.hpp"
#include "twolayer/optimize/multi_start.hpp"
#include "twolayer/objective/reduced_loss_problem.hpp"

#include <cmath>
#include <optional>
#include <string>
#include <vector>

namespace twolayer {

struct gap_settings {
  std::uint64_t seed = 20221;
  cross_deviation_options deviation;  // its seed is replaced per realisation
  std::size_t finite_max_N = 10000;   // const_gap, min_gap, etf_distance only up to this N …
  unsigned finite_max_d = 16;         // … and this d (O(N²) constant term, O(NM) per step)
  unsigned bias_max_d = 16;           // rademacher floor enumerated over 2^d points up to here
  int simplified_restarts = 32;       // multi-start restarts for max Φ per (M, d)
  // L_N breaks the O(d) symmetry of L~: near the orbit of the simplified optimum it has many
  // local minima, a few 1e-6 apart at (M, d, N) = (17, 16, 10³). min L_N is sought from the
  // simplified optimum in several random orientations and from random configurations, and
  // the spread of the local minima found is reported beside it.
  int finite_orientations = 6;        // orientations of the simplified optimum (the first as found)
  int finite_random_starts = 2;       // random starts for min L_N, besides those
  // The finite optimum is ill-conditioned near the simplex ETF (the O(d) orbit is only
  // approximately flat for finite N): at (M, d, N) = (17, 16, 10⁴) a gradient of 1e-9 takes
  // ~1300 iterations and moves the value by < 1e-12 when tightened tenfold.
  lbfgs_options<double> finite_search{1e-9, 3000, 8, 1e-12};
};

/// The grid of the report: laws × d × N × replicates, and the compressed widths, each
/// an integer or "d+1".
struct gap_grid {
  std::vector<target_law> laws;
  std::vector<unsigned> dimensions;
  std::vector<std::size_t> widths;
  std::vector<std::string> compressed;
  unsigned replicates = 5;

  static gap_grid full()
  {
    gap_grid g;
    for (auto e : {entry_law::gaussian, entry_law::rademacher, entry_law::uniform})
      g.laws.push_back(target_law{e});
    g.dimensions = {2, 4, 8, 16, 32, 64};
    g.widths = {100, 1000, 10000, 100000};
    g.compressed = {"3", "d+1"};
    g.replicates = 5;
    return g;
  }
  /// A small grid for the tests: the same laws, d ≤ 8, N ≤ 10⁴, two replicates.
  static gap_grid quick()
  {
    gap_grid g = full();
    g.dimensions = {2, 4, 8};
    g.widths = {100, 1000, 10000};
    g.replicates = 2;
    return g;
  }
};

/// The compressed widths at dimension d, in the order given, without repeats.
inline std::vector<int> compressed_widths(const std::vector<std::string>& items, unsigned d)
{
  std::vector<int> widths;
  for (const auto& item : items) {
    const int M = item == "d+1" ? static_cast<int>(d) + 1 : std::stoi(item);
    if (std::find(widths.begin(), widths.end(), M) == widths.end())
      widths.push_back(M);
  }
  return widths;
}

/// What depends on (law, d) only.
struct law_summary {
  target_law law;
  unsigned d = 0;
  double alpha = 0;           // α = E[a‖w‖] (exact, or 50-digit quadrature for uniform ξ)
  bool alpha_exact = true;
  double cross_level = 0;     // d c_d², the simplified cross term per unit α and unit ‖v‖
  std::optional<double> bias_floor;
  std::string bias_note;      // how bias_floor was obtained, or why it was not
  // A target with a mean (R > 0): the mean-field target, whose T(c) is the reference cross term
  // and whose E[F²] is the simplified constant term (alpha is then not used).
  std::optional<mean_shifted_relu_target<double>> mean_field;

  /// Whether the target has a mean (R > 0).
  bool has_mean() const { return mean_field.has_value(); }
};

/// The mean-field target of a law with a mean (R > 0): ā and τ of the law, Gaussian ξ.
inline mean_shifted_relu_target<double> mean_field_target(const target_law& law, unsigned d)
{
  return mean_shifted_relu_target<double>(d, law.mean_ratio, law.mean_a, law.tau);
}

/// What depends on (M, d) only: the simplified optimum.
struct simplified_optimum {
  int M = 0;
  unsigned d = 0;
  double phi = 0;             // best Φ found
  std::optional<double> phi_etf;  // Φ_ETF(M) when M ≤ d+1
  matrix<double> directions;  // its configuration
  std::optional<double> scales_l1;  // Σ_j |y_j|, y = K̂⁻¹1 at the directions: ‖s~*‖₁ = 2π α d c_d² Σ_j |y_j|
  // A target with a mean (R > 0, ā = τ = 1; Ψ scales as (āτ)² and s~* as |ā|τ): the best Ψ
  // found, and ‖s~*‖₁ with s~* = G⁻¹t at its directions. Then phi, phi_etf and scales_l1 are unset.
  double mean_ratio = 0;
  std::optional<double> psi;
  std::optional<double> psi_scales_l1;
  long restarts = 0;
  long converged = 0;
  std::size_t basins = 0;
  bool found = false;
};

struct gap_row {
  std::string law;
  unsigned d = 0;
  std::size_t N = 0;
  unsigned replicate = 0;
  int M = 0;
  double alpha_hat = 0;
  std::optional<double> sup_cross_dev, bias_floor, const_gap, const_gap_hat, min_gap, min_gap_hat,
      etf_distance;
  std::optional<double> gap_bound, gap_lower;  // const_gap ± 2 ‖s‖₁ sup_cross_dev (see above)
  std::optional<double> min_spread;  // largest minus smallest local minimum of L_N over the starts
  int finite_starts = 0;             // starts that ended at a local minimum (converged or stalled)
  std::string finite_status;  // L-BFGS status of the best min L_N start, or why not computed
};

inline law_summary summarise_law(const target_law& law, unsigned d, const gap_settings& settings)
{
  law_summary s;
  s.law = law;
  s.d = d;
  const quadrature_rules<mpfr50> rules;
  s.alpha = static_cast<double>(expected_scaling_factor<mpfr50>(law, d, rules));
  s.alpha_exact = scaling_factor_is_exact(law);
  const mpfr50 c = sphere_relu_mean<mpfr50>(d);
  s.cross_level = static_cast<double>(mpfr50(d * c * c));
  if (law.mean_ratio != 0)
    s.mean_field = mean_field_target(law, d);
  switch (law.entries) {
  case entry_law::gaussian:
    s.bias_floor = 0.0;
    s.bias_note = s.has_mean() ? "0 exactly: the simplified target is the gaussian law's own expectation"
                               : "0 exactly: a gaussian w has a uniform direction independent of its norm";
    break;
  case entry_law::uniform:
    s.bias_note = "not computed: the uniform law cannot be enumerated";
    break;
  case entry_law::rademacher: {
    if (d > settings.bias_max_d) {
      s.bias_note = "not computed: 2^d points, d > " + std::to_string(settings.bias_max_d);
      break;
    }
    // E_ξ[a K(w, v)] = (ā / 2^d) Σ_{ξ ∈ {±1}^d} K(μ + τ ξ/√d, v): the law's exact expectation.
    const std::size_t points = std::size_t(1) << d;
    matrix<double> W(d, static_cast<Eigen::Index>(points));
    for (std::size_t p = 0; p < points; ++p)
      for (unsigned k = 0; k < d; ++k)
        W(k, static_cast<Eigen::Index>(p)) =
            law.mean_ratio == 0 ? ((p >> k) & 1 ? -law.tau : law.tau) / std::sqrt(double(d))
                                : law.tau * (((p >> k) & 1 ? -1.0 : 1.0) + law.mean_ratio) / std::sqrt(double(d));
    const vector<double> c_weights =
        vector<double>::Constant(static_cast<Eigen::Index>(points), law.mean_a / double(points));
    const target_cross_term<double> expectation(c_weights, W);
    auto options = settings.deviation;
    options.seed = mix64(settings.seed ^ stable_hash("bias_floor/" + law.name()) ^ d);
    s.bias_floor = s.has_mean()
                       ? sup_cross_deviation(expectation,
                                             mean_shifted_cross_term<double>(*s.mean_field, target_mean_direction(d)),
                                             options)
                             .sup
                       : sup_cross_deviation(expectation, s.alpha * s.cross_level, options).sup;
    s.bias_note = "exact expectation over the 2^d sign vectors; sup by maximisation";
    break;
  }
  }
  return s;
}

/// The simplified optimum of (M, d) for targets with mean ratio R (R = 0: no mean, the search
/// over Φ; R > 0: over Ψ of the mean-field target with ā = τ = 1).
inline simplified_optimum find_simplified_optimum(int M, unsigned d, const gap_settings& settings,
                                                  double mean_ratio = 0)
{
  simplified_optimum s;
  s.M = M;
  s.d = d;
  s.mean_ratio = mean_ratio;
  multi_start_options options;
  options.seed = settings.seed;
  const double tolerance = options.search.singular_tolerance;
  // Runs the restarts of `problem`; the best basin, or nullptr.
  search_catalogue catalogue;
  auto search = [&](const auto& problem) -> const basin* {
    run_restarts(problem, M, static_cast<int>(d), 0, static_cast<std::uint64_t>(settings.simplified_restarts), options,
                 catalogue);
    s.restarts = catalogue.restarts;
    s.converged = catalogue.outcomes[search_status::converged];
    s.basins = catalogue.basins.size();
    const basin* best = catalogue.best();
    s.found = best != nullptr;
    if (best)
      s.directions = best->representative;
    return best;
  };
  if (mean_ratio != 0) {
    const mean_shifted_relu_target<double> target(d, mean_ratio);
    const mean_shifted_cross_term<double> cross(target, target_mean_direction(d));
    if (const basin* best = search(finite_reduced_problem(cross, activation::relu{}, tolerance))) {
      s.psi = best->value;
      const matrix<double>* no_gradients = nullptr;
      const auto value = reduced_loss(activation::relu{}, s.directions, cross.values(s.directions), no_gradients, tolerance);
      if (!value.degenerate)
        s.psi_scales_l1 = value.scales.cwiseAbs().sum();
    }
    return s;
  }
  if (M <= static_cast<int>(d) + 1)
    s.phi_etf = static_cast<double>(simplex_etf_phi<mpfr50>(M));
  if (const basin* best = search(phi_problem(tolerance))) {
    s.phi = best->value;
    const auto value = reduced_objective(s.directions, tolerance);
    if (!value.degenerate)
      s.scales_l1 = value.scales.cwiseAbs().sum();
  }
  return s;
}

/// The baseline prediction for sup_cross_dev (docs/mathematics.md §5.1): the degree-1 Hermite
/// term of K(w, v) is γ_1² <w, v> = <w, v>/4 (γ_1 = 1/2, §4.2), so Δ(v) contains <g, v>/4 with
/// g = (1/N) Σ a_i w_i, whose sup over unit v is ‖g‖/4, and E‖g‖² = E[a²] τ²/N for zero-mean w.
/// Hence sup_cross_dev ≈ τ √(E a²) / (4 √N): the exponents below. The other Hermite degrees
/// (the fluctuation of (1/N) Σ a_i ‖w_i‖ among them) contribute further terms; a law's bias
/// adds a floor.
inline double linear_term_prediction(const target_law& law, std::size_t N)
{
  if (law.mean_ratio != 0) {
    // With a mean, E‖g − E g‖² = (E[a²] τ² + Var(a) ‖μ‖²)/N, ‖μ‖ = Rτ (docs/mathematics.md §5.1).
    const double variance_a = law.second_moment_a() - law.mean_a * law.mean_a;
    return law.tau * std::sqrt(law.second_moment_a() + variance_a * law.mean_ratio * law.mean_ratio) /
           (4 * std::sqrt(static_cast<double>(N)));
  }
  return law.tau * std::sqrt(law.second_moment_a()) / (4 * std::sqrt(static_cast<double>(N)));
}

/// The exponents of linear_term_prediction in N and in d.
inline constexpr double linear_term_exponent_in_N = -0.5;
inline constexpr double linear_term_exponent_in_d = 0.0;

/// max_{j<k} |<u_j, u_k> + 1/(M−1)|.
inline double etf_distance(const matrix<double>& U)
{
  const Eigen::Index M = U.cols();
  double distance = 0;
  for (Eigen::Index j = 0; j < M; ++j)
    for (Eigen::Index k = j + 1; k < M; ++k)
      distance = std::max(distance, std::abs(U.col(j).dot(U.col(k)) + 1.0 / double(M - 1)));
  return distance;
}

/// The rows of one realisation, one per M (optima must hold an entry for each M).
inline std::vector<gap_row> measure_realisation(const law_summary& law, std::size_t N,
                                                unsigned replicate,
                                                const std::vector<const simplified_optimum*>& optima,
                                                const gap_settings& settings)
{
  const unsigned d = law.d;
  const std::uint64_t seed = realisation_seed(settings.seed, law.law, d, N, replicate);
  const target_network target = sample_target(law.law, d, N, seed);
  const vector<double> c = target.a / double(N);
  const target_cross_term<double> cross(c, target.W);
  double alpha_hat = 0;
  for (Eigen::Index i = 0; i < target.a.size(); ++i)
    alpha_hat += target.a(i) * target.W.col(i).norm();
  alpha_hat /= double(N);

  auto options = settings.deviation;
  options.seed = mix64(seed ^ stable_hash("sup_cross_dev"));
  const double sup =
      law.has_mean()
          ? sup_cross_deviation(cross, mean_shifted_cross_term<double>(*law.mean_field, target_mean_direction(d)), options).sup
          : sup_cross_deviation(cross, law.alpha * law.cross_level, options).sup;

  const bool finite = N <= settings.finite_max_N && d <= settings.finite_max_d;
  std::optional<double> second_moment;
  if (finite)
    second_moment = cross.second_moment();

  std::vector<gap_row> rows;
  for (const simplified_optimum* optimum : optima) {
    const int M = optimum->M;
    gap_row row;
    row.law = law.law.name();
    row.d = d;
    row.N = N;
    row.replicate = replicate;
    row.M = M;
    row.alpha_hat = alpha_hat;
    row.sup_cross_dev = sup;
    row.bias_floor = law.bias_floor;
    if (!finite) {
      row.finite_status = "not computed (N > " + std::to_string(settings.finite_max_N) + " or d > " +
                          std::to_string(settings.finite_max_d) + ")";
      rows.push_back(row);
      continue;
    }
    const double level = law.cross_level;  // d c_d²
    const double simplified_constant = law.has_mean() ? law.mean_field->second_moment() : law.alpha * law.alpha * level;
    const double simplified_constant_hat = alpha_hat * alpha_hat * level;
    row.const_gap = *second_moment - simplified_constant;
    if (!law.has_mean())
      row.const_gap_hat = *second_moment - simplified_constant_hat;

    // min L_N = E[f_N²] − max Ψ_N, from the simplified optimum and from random starts.
    const auto problem = finite_reduced_problem(cross, activation::relu{}, settings.finite_search.singular_tolerance);
    std::vector<matrix<double>> starts;
    // with a mean, only the rotations fixing μ̂ keep the simplified optimum optimal
    const auto symmetry = law.has_mean() ? rotation_symmetry<double>::fixing(target_mean_direction(d))
                                         : rotation_symmetry<double>::full(d);
    const int acting = static_cast<int>(symmetry.acting_basis().cols());
    if (optimum->found)
      for (int k = 0; k < settings.finite_orientations; ++k) {
        const std::uint64_t orientation = restart_seed(seed, M, static_cast<int>(d), 1000000 + k);
        starts.push_back(k == 0 ? optimum->directions
                         : law.has_mean()
                             ? matrix<double>(symmetry.element(random_orthogonal<double>(acting, orientation)) *
                                              optimum->directions)
                             : matrix<double>(random_orthogonal<double>(static_cast<int>(d), orientation) *
                                              optimum->directions));
      }
    for (int k = 0; k < settings.finite_random_starts; ++k)
      starts.push_back(sphere_product::random_point(M, static_cast<int>(d), restart_seed(seed, M, static_cast<int>(d),
                                                                                static_cast<std::uint64_t>(k))));
    std::optional<lbfgs_result<double>> best;
    double lowest = 0;
    for (const auto& start : starts) {
      auto run = maximise(problem, start, settings.finite_search);
      if (run.status == search_status::degenerate || run.status == search_status::diverged)
        continue;
      lowest = row.finite_starts == 0 ? run.value : std::min(lowest, run.value);
      ++row.finite_starts;
      if (!best || run.value > best->value)
        best = std::move(run);
    }
    if (best)
      row.min_spread = best->value - lowest;  // Ψ_N values: the spread of min L_N
    if (!best || !optimum->found) {
      row.finite_status = !best ? "every start ran into coincident directions" : "no simplified optimum";
      rows.push_back(row);
      continue;
    }
    row.finite_status = to_string(best->status);
    const double min_finite = *second_moment - best->value;
    if (law.has_mean()) {
      // Ψ* and s~* of the mean-field target with ā = τ = 1, scaled to the law's ā and τ
      const double scale = law.law.mean_a * law.law.tau;
      row.min_gap = min_finite - (simplified_constant - scale * scale * *optimum->psi);
      if (optimum->psi_scales_l1)
        row.gap_bound = *row.const_gap + 2 * std::abs(scale) * *optimum->psi_scales_l1 * sup;
    } else {
      const double two_pi_level_phi = 2 * boost::math::constants::pi<double>() * level * optimum->phi;
      row.min_gap = min_finite - simplified_constant * (1 - two_pi_level_phi);
      row.min_gap_hat = min_finite - simplified_constant_hat * (1 - two_pi_level_phi);
    }
    if (M >= 2 && M <= static_cast<int>(d) + 1)
      row.etf_distance = etf_distance(best->U);
    // the bracket of docs/mathematics.md §5.1, with the scales of both optima
    if (!law.has_mean() && optimum->scales_l1) {
      const double simplified_l1 =
          2 * boost::math::constants::pi<double>() * law.alpha * level * *optimum->scales_l1;  // ‖s~*‖₁
      row.gap_bound = *row.const_gap + 2 * simplified_l1 * sup;
    }
    const matrix<double>* no_gradients = nullptr;
    const auto finite_value = reduced_loss(activation::relu{}, best->U, cross.values(best->U), no_gradients,
                                           settings.finite_search.singular_tolerance);
    if (!finite_value.degenerate)
      row.gap_lower = *row.const_gap - 2 * finite_value.scales.cwiseAbs().sum() * sup;  // ‖s_N‖₁
    rows.push_back(row);
  }
  return rows;
}

}  // namespace twolayer
