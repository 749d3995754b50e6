// The orientation study's case analysis (study/orientation_case.hpp, docs/mathematics.md §2.1):
// at R = 0 it reproduces the isotropic conjecture (the optimum is the simplex ETF, every
// orientation equally good), and for a target with a mean it reports a classified optimum whose
// descriptors are consistent with each other.
#include "twolayer/study/orientation_study.hpp"
#include "twolayer/check/oriented_etf_bound.hpp"
#include "twolayer/numeric/agreement.hpp"

#include "shared_rules.hpp"

#include <catch2/catch.hpp>

// Its own namespace: the tests are compiled in unity batches (tests/CMakeLists.txt).
namespace unit_orientation {

using namespace twolayer;
using R = mpfr50;

namespace {
orientation_options quick(long restarts)
{
  orientation_options o;
  o.restarts = restarts;
  o.search.seed = 11;
  return o;
}
}  // namespace

TEST_CASE("at R = 0 the orientation case finds the simplex ETF and the oriented ETF matches it", "[orientation]")
{
  for (int M : {2, 3}) {
    const auto r = analyse_orientation_case<R>(3, M, "0", quick(40));
    INFO("M = " << M << ": " << to_string(r.second_order.verdict) << ", gap " << r.etf_gap);
    REQUIRE(r.polished);
    CHECK(r.etf_size == M);
    CHECK(r.etf_exists);
    CHECK(abs(r.etf_gap) < R("1e-40"));
    CHECK(r.etf_gram_distance < R("1e-20"));
    // M = 3 in d = 3: a strict maximum modulo O(3); M = 2 (the antipodal pair) is degenerate (§3.6).
    if (M == 3)
      CHECK(r.second_order.verdict == critical_point_type::strict_local_max);
  }
}

TEST_CASE("for a target with a mean the case is classified modulo the rotations fixing mu, with consistent descriptors", "[orientation]")
{
  const auto r = analyse_orientation_case<R>(3, 3, "1", quick(40));
  INFO(to_string(r.second_order.verdict) << ", pattern " << r.pattern << ", gap " << r.etf_gap);
  REQUIRE(r.polished);
  CHECK(r.second_order.verdict == critical_point_type::strict_local_max);
  CHECK(r.second_order.zero_modes == r.second_order.orbit_dim);
  CHECK(r.second_order.orbit_dim <= orbit_dimension(2, 2));
  CHECK(r.etf_gap >= -R("1e-40"));  // the optimum is at least as good as the best oriented ETF
  CHECK(r.relative_loss > 0);
  CHECK(r.relative_loss < 1);
  REQUIRE(r.cosines.size() == 3);
  CHECK(r.cosines.front() >= r.cosines.back());
  CHECK(r.mean_in_span <= 1 + R("1e-40"));
  CHECK_FALSE(r.pattern.empty());
}

TEST_CASE("a critical R by two routes: bisection on the search's best pattern, and the root of the difference of the two basins' values", "[orientation]")
{
  // d = 2, M = 3: the optimum turns from a vertex against the mean to a vertex along it near R = 0.8.
  const unsigned d = 2;
  const int M = 3;
  orientation_grid grid{{d}, {"3"}, {"0.5", "1"}};
  orientation_study_options options;
  options.case_options = quick(40);
  const auto study = run_orientation_study<R>(grid, options);
  REQUIRE(study.summaries.size() == 1);
  REQUIRE(study.summaries[0].transitions.size() == 1);
  const auto& t = study.summaries[0].transitions[0];
  CHECK(t.complete);
  const double lower = std::stod(t.lower), upper = std::stod(t.upper);
  CHECK(upper - lower <= 1e-6);

  // Second route: follow each basin from its side by Newton (continuation in R), and find the R
  // where their values cross by the secant method. No search is involved.
  const vector<R> axis = vector<R>::Constant(d, R(1) / sqrt(R(d)));
  auto polish_at = [&](const std::string& ratio, const matrix<R>& start) {
    const mean_shifted_relu_target<R> target(d, R(ratio), R(1), R(1), testing::shared_rules<R>());
    const mean_shifted_cross_term<R> cross(target, axis);
    const mean_shifted_cross_term<dual<R>> dual_cross(target, axis);
    const reduced_loss_problem problem(cross, dual_cross, activation::relu{}, R("1e-25"));
    const auto polished = newton_polish(problem, start, R("1e-40"), 60);
    REQUIRE(polished.converged);
    return polished;
  };
  auto follow = [&](const std::string& from, const std::vector<std::string>& path) {
    matrix<R> U = analyse_orientation_case<R>(d, M, from, quick(40)).U;
    for (const auto& ratio : path)
      U = polish_at(ratio, U).U;
    return U;
  };
  matrix<R> against = follow("0.5", {"0.6", "0.7", "0.8"});
  matrix<R> along = follow("1", {"0.9", "0.8"});
  auto difference = [&](const std::string& ratio) {
    const auto a = polish_at(ratio, against);
    const auto b = polish_at(ratio, along);
    against = a.U;
    along = b.U;
    return R(b.value - a.value);  // Ψ_along − Ψ_against: negative below the crossing
  };
  R r0("0.79"), r1("0.81");
  R f0 = difference(r0.str(30)), f1 = difference(r1.str(30));
  REQUIRE(f0 < 0);
  REQUIRE(f1 > 0);
  for (int k = 0; k < 30 && abs(R(r1 - r0)) > R("1e-20"); ++k) {
    const R r2 = r1 - f1 * (r1 - r0) / (f1 - f0);
    r0 = r1;
    f0 = f1;
    r1 = r2;
    f1 = difference(r1.str(40));
  }
  INFO("crossing by secant " << r1.str(12) << ", bisection bracket [" << t.lower << ", " << t.upper << "]");
  CHECK(r1 >= R(lower));
  CHECK(r1 <= R(upper));
}

TEST_CASE("every rotated simplex ETF stays below the optimum: branch and bound over the orientations, and a false claim refused",
          "[orientation]")
{
  struct sample {
    unsigned d;
    int M;
    const char* ratio;
  };
  for (const sample c : {sample{2, 3, "1"}, sample{3, 4, "0.3"}, sample{3, 3, "3"}, sample{4, 5, "1"}}) {
    const auto r = analyse_orientation_case<R>(c.d, c.M, c.ratio, quick(40));
    REQUIRE(r.polished);
    REQUIRE(r.etf_exists);
    const mean_shifted_relu_target<double> target(c.d, std::stod(c.ratio));
    const matrix<double> etf = simplex_etf<double>(c.M, static_cast<int>(c.d));
    const matrix<double> gram = angular_gram(activation::relu{}, etf);
    const double optimum = static_cast<double>(r.psi), etf_best = static_cast<double>(r.etf_psi);
    const auto bound = oriented_etf_bound<double>(c.d, target.series(), etf, gram, optimum);
    INFO("d = " << c.d << ", M = " << c.M << ", R = " << c.ratio << ": optimum " << optimum << ", best rotated ETF by L-BFGS "
                << etf_best << ", bound " << bound.upper_bound << " (" << to_string(bound.status) << ", " << bound.cells
                << " cells, H = " << bound.hessian_bound << "), best centre " << bound.best_value);
    CHECK(bound.status == etf_bound_status::below_target);
    CHECK(bound.upper_bound < optimum);
    // two routes to the best rotated ETF: the search's polished value is at least every centre's
    // and at most the covering's bound
    CHECK(bound.best_value <= etf_best + 1e-12);
    CHECK(bound.upper_bound >= etf_best);
    // the two formulas for Psi at one orientation: the bound's t'K^-1 t and the search problem's
    const oriented_etf_problem<double> problem{c.d, &target.series(), etf, 1e-12};
    const auto at = problem(matrix<double>(bound.best_direction));
    CHECK(std::abs(at.value - bound.best_value) < 1e-13);
    // a false claim is refused: the best rotated ETF reaches a target just below its value
    const auto refused = oriented_etf_bound<double>(c.d, target.series(), etf, gram, etf_best - 1e-6);
    CHECK(refused.status == etf_bound_status::reached);
  }
}

TEST_CASE("the orientation bound in d = 2 against a dense scan of the circle", "[orientation]")
{
  const mean_shifted_relu_target<double> target(2, 0.5);
  const matrix<double> etf = simplex_etf<double>(3, 2);
  const matrix<double> gram = angular_gram(activation::relu{}, etf);
  const oriented_etf_problem<double> problem{2, &target.series(), etf, 1e-12};
  double scanned = 0;
  const int points = 20000;
  for (int k = 0; k < points; ++k) {
    const double angle = 2 * boost::math::constants::pi<double>() * k / points;
    matrix<double> z(2, 1);
    z << std::cos(angle), std::sin(angle);
    scanned = std::max(scanned, problem(z).value);
  }
  // a target 1e-4 above the scan's maximum: the bound proves it, and lies between the two
  const auto bound = oriented_etf_bound<double>(2, target.series(), etf, gram, scanned + 1e-4);
  INFO("scan " << scanned << ", bound " << bound.upper_bound << ", cells " << bound.cells);
  CHECK(bound.status == etf_bound_status::below_target);
  CHECK(bound.upper_bound >= scanned);
  CHECK(bound.best_value <= scanned + 1e-6);  // the scan's step is 3e-4: within its second-order error
  // a budget too small to decide says so
  oriented_etf_bound_options tiny;
  tiny.max_cells = 8;
  CHECK(oriented_etf_bound<double>(2, target.series(), etf, gram, scanned + 1e-9, tiny).status ==
        etf_bound_status::budget_exhausted);
}

}  // namespace unit_orientation
