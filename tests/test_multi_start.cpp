// Multi-start catalogue: the best basin at (4, 3) is the simplex ETF, counts add up,
// Good–Turing is singletons / restarts, and restarts are reproducible by index.
#include "twolayer/geometry/simplex_etf.hpp"
#include "twolayer/objective/phi_problem.hpp"
#include "twolayer/optimize/multi_start.hpp"

#include <catch2/catch.hpp>

// Its own namespace: the tests are compiled in unity batches (tests/CMakeLists.txt).
namespace unit_multi_start {

using namespace twolayer;

namespace {
// The conjecture's problem, Φ, with the search's default tolerance for a singular K̂.
const auto phi = phi_problem(multi_start_options{}.search.singular_tolerance);
}  // namespace

TEST_CASE("200 restarts at (M, d) = (4, 3): the best basin is the simplex ETF", "[multi_start]")
{
  search_catalogue catalogue;
  run_restarts(phi, 4, 3, 0, 200, multi_start_options{}, catalogue);
  REQUIRE(catalogue.best() != nullptr);
  const basin& best = *catalogue.best();
  CHECK(std::abs(best.value - simplex_etf_phi<double>(4)) < 1e-12);
  CHECK(best.invariants.simplex_etf);
  CHECK(best.invariants.span == 3);
  long counted = 0;
  for (const auto& b : catalogue.basins)
    counted += b.count;
  long outcomes = 0;
  for (const auto& [status, n] : catalogue.outcomes)
    outcomes += n;
  CHECK(outcomes == 200);
  CHECK(counted == catalogue.outcomes[search_status::converged]);
  CHECK(catalogue.unseen_estimate() == double(catalogue.singletons()) / 200);
}

TEST_CASE("200 restarts at (M, d) = (5, 5): the best basin is the simplex ETF", "[multi_start]")
{
  search_catalogue catalogue;
  run_restarts(phi, 5, 5, 0, 200, multi_start_options{}, catalogue);
  REQUIRE(catalogue.best() != nullptr);
  CHECK(std::abs(catalogue.best()->value - simplex_etf_phi<double>(5)) < 1e-12);
  CHECK(catalogue.best()->invariants.simplex_etf);
}

TEST_CASE("the catalogue is the same on 1 and 2 threads", "[multi_start]")
{
  search_catalogue one, two;
  run_restarts(phi, 6, 3, 0, 120, multi_start_options{}, one, 1);
  run_restarts(phi, 6, 3, 0, 120, multi_start_options{}, two, 2);
  REQUIRE(one.basins.size() == two.basins.size());
  CHECK(one.outcomes == two.outcomes);
  for (std::size_t i = 0; i < one.basins.size(); ++i) {
    CHECK(one.basins[i].value == two.basins[i].value);
    CHECK(one.basins[i].count == two.basins[i].count);
    CHECK(one.basins[i].representative == two.basins[i].representative);
  }
}

TEST_CASE("restart i is the same whether run alone or within a longer run", "[multi_start]")
{
  search_catalogue whole, first_part;
  run_restarts(phi, 5, 3, 0, 20, multi_start_options{}, whole);
  run_restarts(phi, 5, 3, 0, 10, multi_start_options{}, first_part);
  run_restarts(phi, 5, 3, 10, 10, multi_start_options{}, first_part);  // resumed
  REQUIRE(whole.basins.size() == first_part.basins.size());
  for (std::size_t i = 0; i < whole.basins.size(); ++i) {
    CHECK(whole.basins[i].value == first_part.basins[i].value);
    CHECK(whole.basins[i].count == first_part.basins[i].count);
    CHECK(whole.basins[i].representative == first_part.basins[i].representative);
  }
  CHECK(restart_seed(1, 5, 3, 7) != restart_seed(1, 5, 3, 8));
  CHECK(restart_seed(1, 5, 3, 7) != restart_seed(2, 5, 3, 7));
}

TEST_CASE("invariants tell the ETF from the antipodal pair and count coincidences", "[multi_start]")
{
  const auto etf = invariants_of(simplex_etf<double>(3, 2), 1e-9);
  CHECK(etf.simplex_etf);
  CHECK(etf.antipodal_pairs == 0);
  const auto pair = invariants_of(simplex_etf<double>(2, 3), 1e-9);
  CHECK(pair.antipodal_pairs == 1);
  CHECK(pair.span == 1);
  CHECK_FALSE(same_invariants(etf, pair, 1e-9));
}

}  // namespace unit_multi_start

namespace unit_multi_start {

TEST_CASE("planted starts at (7, 4) are counted apart, reach the antipodal-pair maximum more often than uniform "
          "restarts, and do not depend on the thread count",
          "[multi_start]")
{
  const multi_start_options options;
  search_catalogue catalogue;
  run_restarts(phi, 7, 4, 0, 200, options, catalogue);
  const search_catalogue uniform = catalogue;
  run_planted_starts(phi, 7, 4, 200, options, catalogue);
  // the uniform counts, the coverage estimate and the bounds are untouched
  CHECK(catalogue.restarts == 200);
  CHECK(catalogue.outcomes == uniform.outcomes);
  CHECK(catalogue.supplementary_starts == 200);
  CHECK(catalogue.unseen_estimate() == uniform.unseen_estimate());
  CHECK(catalogue.unseen_bound() == uniform.unseen_bound());
  for (std::size_t i = 0; i < uniform.basins.size(); ++i)
    CHECK(catalogue.basins[i].count == uniform.basins[i].count);
  long planted = 0;
  for (const auto& b : catalogue.basins)
    planted += b.supplementary;
  CHECK(planted > 150);  // most planted starts converge
  // the maximum with one antipodal pair (Φ = 0.87908715…, about 4 % of uniform restarts in
  // reports/etf_optima.csv): its share among planted starts is larger
  auto share = [](const search_catalogue& c, bool supplementary) {
    long hits = 0, all = 0;
    for (const auto& b : c.basins) {
      const long n = supplementary ? b.supplementary : b.count;
      all += n;
      if (b.invariants.antipodal_pairs == 1 && std::abs(b.value - 0.8790871519) < 1e-9)
        hits += n;
    }
    return double(hits) / double(all);
  };
  INFO("uniform share " << share(catalogue, false) << ", planted share " << share(catalogue, true));
  CHECK(share(catalogue, true) > 2 * share(catalogue, false));
  search_catalogue two = uniform;
  run_planted_starts(phi, 7, 4, 200, options, two, 2);
  REQUIRE(two.basins.size() == catalogue.basins.size());
  for (std::size_t i = 0; i < two.basins.size(); ++i) {
    CHECK(two.basins[i].supplementary == catalogue.basins[i].supplementary);
    CHECK(two.basins[i].representative == catalogue.basins[i].representative);
  }
}

}  // namespace unit_multi_start
